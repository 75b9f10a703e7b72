using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Community.Tests.Gateway;

/// <summary>
/// The per-member rate of sends, edits and reactions, on a node of its own with a small bucket
/// (5, then 1 a second).
/// </summary>
public sealed class SendRateLimitTests
{
    private static readonly Dictionary<string, string?> SmallBucket = new()
    {
        ["Community:Limits:MessageBurst"] = "5",
        ["Community:Limits:MessagesPerSecond"] = "1",
    };

    [Fact]
    public async Task Sending_beyond_the_members_send_rate_is_rate_limited()
    {
        await using var node = await CommunityNode.StartAsync(settings: SmallBucket);
        var network = new Network(node);
        var hasty = await network.JoinAsync("hasty");
        var calm = await network.JoinAsync("calm");
        var roomId = await Steps.RoomWithAsync(hasty, calm);
        await using var hub = await node.ConnectAsync(hasty);
        await using var calmHub = await node.ConnectAsync(calm);

        // All six go out at once, so the bucket has no time to refill in between.
        var sends = Enumerable.Range(1, 6).Select(i => hub.SendTextAsync(roomId, $"spam {i}", clientMsgId: $"spam-{i}")).ToArray();
        await Task.WhenAll(sends.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Steps.BatchTimeout);

        var refused = sends.Where(s => s.IsFaulted).Select(s => s.Exception!.InnerException).ToArray();
        var accepted = sends.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result.Long("seq")).Order().ToArray();
        Assert.Equal(Steps.Range(1, 5), accepted);
        var error = Assert.IsType<HubException>(Assert.Single(refused));
        Assert.StartsWith("rate_limited:", error.Message, StringComparison.Ordinal);
        Assert.Equal(Steps.Range(1, 5), (await hasty.HistoryAsync(roomId)).Seqs());
        // The bucket is the member's own: another member sends as usual.
        Assert.Equal(6, (await calmHub.SendTextAsync(roomId, "hello")).Long("seq"));
    }

    [Fact]
    public async Task Edits_and_reactions_take_from_the_same_rate_as_sends()
    {
        await using var node = await CommunityNode.StartAsync(settings: SmallBucket);
        var network = new Network(node);
        var hasty = await network.JoinAsync("hasty");
        var calm = await network.JoinAsync("calm");
        var roomId = await Steps.RoomWithAsync(hasty, calm);
        await using var hub = await node.ConnectAsync(hasty);
        var seq = (await hub.SendTextAsync(roomId, "original")).Long("seq");

        // Six at once, after the send: one edit and five reactions, for at most five tokens.
        var calls = new[] { hub.InvokeAsync("EditMessage", roomId, seq, "edited") }
            .Concat(new[] { "👍", "🎉", "🙏", "😀", "😂" }.Select(key => hub.InvokeAsync("AddReaction", roomId, seq, key)))
            .ToArray();
        await Task.WhenAll(calls.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Steps.BatchTimeout);

        var refused = calls.Where(c => c.IsFaulted).Select(c => Assert.IsType<HubException>(c.Exception!.InnerException)).ToArray();
        Assert.NotEmpty(refused);
        Assert.All(refused, error => Assert.StartsWith("rate_limited:", error.Message, StringComparison.Ordinal));
        var stored = await calm.MessageAsync(roomId, seq);
        var accepted = calls.Length - refused.Length;
        Assert.Equal(accepted, stored.GetProperty("reactions").GetArrayLength() + (stored.Str("text") == "edited" ? 1 : 0));
    }
}
