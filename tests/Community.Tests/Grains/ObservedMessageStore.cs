using System.Collections.Concurrent;
using Community.Grains.Audit;
using Community.Grains.Messages;
using Community.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Tests.Grains;

/// <summary>
/// The silo's real message store, with a window onto its appends: it counts each room's append
/// transactions, and can keep a room's appends waiting (<see cref="AppendHold"/>). The real
/// store (SQLite or PostgreSQL) does every read and write.
/// </summary>
internal sealed class ObservedMessageStore(IMessageStore store) : IMessageStore
{
    private readonly ConcurrentDictionary<string, int> _appends = new();
    private readonly ConcurrentDictionary<string, AppendHold> _holds = new();
    private readonly ConcurrentDictionary<string, bool> _failingLookups = new();

    /// <summary>Puts this decorator over the <see cref="IMessageStore"/> the silo registered.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var real = services.Last(d => d.ServiceType == typeof(IMessageStore));
        var realType = real.ImplementationType
            ?? throw new InvalidOperationException($"The silo registers {nameof(IMessageStore)} other than by type; the grain tests cannot wrap it.");
        services.Remove(real);
        services.AddSingleton(sp => new ObservedMessageStore((IMessageStore)ActivatorUtilities.CreateInstance(sp, realType)));
        services.AddSingleton<IMessageStore>(sp => sp.GetRequiredService<ObservedMessageStore>());
    }

    /// <summary>The append transactions this silo's store opened for the room, whether they committed or not.</summary>
    public int AppendsTo(string roomId) => _appends.GetValueOrDefault(roomId);

    public void Hold(AppendHold hold) => _holds[hold.RoomId] = hold;

    /// <summary>The next look-up of a sender's live messages in the room fails, as a lost database connection would.</summary>
    public void FailNextLiveMessagesLookup(string roomId) => _failingLookups[roomId] = true;

    /// <summary>Whether a failure <see cref="FailNextLiveMessagesLookup"/> set up for the room is still to come.</summary>
    public bool LiveMessagesLookupFailurePending(string roomId) => _failingLookups.ContainsKey(roomId);

    public void Unhold(AppendHold hold) => _holds.TryRemove(new KeyValuePair<string, AppendHold>(hold.RoomId, hold));

    public async Task<IReadOnlyList<ThreadCount>> AppendAsync(IReadOnlyList<ChatMessage> messages)
    {
        if (messages.Count > 0)
        {
            if (_holds.TryGetValue(messages[0].RoomId, out var hold)) await hold.WaitAsync();
            _appends.AddOrUpdate(messages[0].RoomId, 1, (_, count) => count + 1);
        }
        return await store.AppendAsync(messages);
    }

    public Task<ChatMessage?> GetAsync(string roomId, long seq) => store.GetAsync(roomId, seq);

    public Task<ChatMessage?> FindByClientMsgIdAsync(string roomId, string senderId, string clientMsgId) =>
        store.FindByClientMsgIdAsync(roomId, senderId, clientMsgId);

    public Task UpdateAsync(ChatMessage message, AuditEntry? audit = null) => store.UpdateAsync(message, audit);

    public Task<IReadOnlyList<ChatMessage>> PageAsync(string roomId, long? beforeSeq, long? afterSeq, int limit, string viewerId) =>
        store.PageAsync(roomId, beforeSeq, afterSeq, limit, viewerId);

    public Task<IReadOnlyList<ChatMessage>> RepliesAsync(string roomId, long seq, long afterSeq, int limit, string viewerId) =>
        store.RepliesAsync(roomId, seq, afterSeq, limit, viewerId);

    public Task<bool> AddReactionAsync(string roomId, long seq, string key, string memberId, DateTimeOffset at) =>
        store.AddReactionAsync(roomId, seq, key, memberId, at);

    public Task<bool> RemoveReactionAsync(string roomId, long seq, string key, string memberId) =>
        store.RemoveReactionAsync(roomId, seq, key, memberId);

    public Task<int> CountReactionsAsync(string roomId, long seq, string key) => store.CountReactionsAsync(roomId, seq, key);

    public Task<IReadOnlyList<ReactionCount>> ReactionsAsync(string roomId, long seq, string viewerId) => store.ReactionsAsync(roomId, seq, viewerId);

    public Task<IReadOnlyList<ChatMessage>> SentByAsync(string memberId) => store.SentByAsync(memberId);

    public Task<IReadOnlyList<MemberReaction>> ReactionsByAsync(string memberId) => store.ReactionsByAsync(memberId);

    public Task<IReadOnlyList<string>> RoomsWithLiveMessagesFromAsync(string memberId) => store.RoomsWithLiveMessagesFromAsync(memberId);

    public Task<IReadOnlyList<ChatMessage>> LiveMessagesFromAsync(string roomId, string senderId, int limit) =>
        _failingLookups.TryRemove(roomId, out _)
            ? throw new InvalidOperationException($"the look-up of live messages in {roomId} failed (injected)")
            : store.LiveMessagesFromAsync(roomId, senderId, limit);
}
