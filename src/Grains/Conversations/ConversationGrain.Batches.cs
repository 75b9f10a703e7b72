using System.Reflection;
using Community.Grains.Errors;
using Community.Grains.Messages;
using Community.Grains.Runtime;

namespace Community.Grains.Conversations;

/// <summary>
/// Group commit: the sends that queued up while the room was committing are checked one by one
/// and committed together, in one transaction, with consecutive seqs.
/// </summary>
public abstract partial class ConversationGrain : IBatchedGrain
{
    public async Task<IReadOnlyList<object?>> RunBatchAsync(MethodInfo method, IReadOnlyList<object?[]> calls)
    {
        if (method.Name != nameof(SendAsync)) throw new NotSupportedException($"{method.Name} is not a batched method.");
        var outcomes = new object?[calls.Count];
        var sends = calls.Select(c => ((Actor)c[0]!, (SendMessage?)c[1])).ToArray();
        var fresh = new List<(int Call, ChatMessage Message)>();
        for (var i = 0; i < sends.Length; i++)
        {
            try
            {
                var prepared = await PrepareAsync(sends[i].Item1, sends[i].Item2, position: fresh.Count + 1);
                if (prepared.Earlier is { } earlier) outcomes[i] = earlier;
                else fresh.Add((i, prepared.Message!));
            }
            catch (CommunityException refusal)
            {
                outcomes[i] = refusal;
            }
        }
        if (fresh.Count == 0) return outcomes;

        if (await AppendAsync(fresh.Select(f => f.Message).ToArray()) is { } appended)
        {
            await CommitAsync(appended);
            for (var k = 0; k < fresh.Count; k++) outcomes[fresh[k].Call] = appended[k];
            return outcomes;
        }
        // A retry among them (or one client message id twice): one by one, each finding its original.
        foreach (var (call, _) in fresh) outcomes[call] = await OutcomeOfAsync(() => SendAsync(sends[call].Item1, sends[call].Item2!));
        return outcomes;
    }

    private static async Task<object?> OutcomeOfAsync(Func<Task<ChatMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (CommunityException refusal)
        {
            return refusal;
        }
    }
}
