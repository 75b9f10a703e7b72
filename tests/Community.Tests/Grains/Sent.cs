using Community.Grains.Conversations;
using Community.Grains.Messages;

namespace Community.Tests.Grains;

/// <summary>One send a test made: who sent what, and the message the room acknowledged it with.</summary>
public sealed record Sent(Actor Sender, SendMessage Send, ChatMessage Acked)
{
    /// <summary>The seqs 1..<paramref name="count"/> (or from <paramref name="first"/>), as a log should hold them.</summary>
    public static IEnumerable<long> Seqs(long count, long first = 1) => Enumerable.Range(0, (int)count).Select(i => first + i);

    /// <summary>
    /// Starts <paramref name="count"/> sends at once (none leaves before all are ready), send
    /// <c>i</c> by <paramref name="senderOf"/>(i) through <paramref name="callerOf"/>(i); each has its own timeout.
    /// </summary>
    public static Task<Sent>[] AllAtOnce(int count, string roomId, Func<int, IGrainFactory> callerOf, Func<int, Actor> senderOf,
        Func<int, SendMessage> sendOf)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = Enumerable.Range(0, count).Select(async i =>
        {
            var (caller, sender, send) = (callerOf(i), senderOf(i), sendOf(i));
            await start.Task;
            var acked = await caller.GetConversation(roomId).SendAsync(sender, send).WaitAsync(GrainCluster.CallTimeout);
            return new Sent(sender, send, acked);
        }).ToArray();
        start.SetResult();
        return sends;
    }
}
