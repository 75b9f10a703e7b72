using Community.Grains.Common;
using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Messages;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Community.Grains.Text;

namespace Community.Grains.Conversations;

/// <summary>Reactions to messages, and typing: what members do around a message.</summary>
public abstract partial class ConversationGrain
{
    public async Task AddReactionAsync(Actor actor, long seq, string? key) => await ReactAsync(actor, seq, key, added: true);

    public async Task RemoveReactionAsync(Actor actor, long seq, string? key) => await ReactAsync(actor, seq, key, added: false);

    private async Task ReactAsync(Actor actor, long seq, string? key, bool added)
    {
        RequireMember(actor);
        // Taking one's own reaction back stays possible while muted: it only undoes.
        if (added) CheckNotMuted(actor);
        var message = await RequireMessageAsync(seq);
        if (message.Deleted) throw CommunityException.NotFound("that message was deleted");
        var checkedKey = await CheckReactionKeyAsync(key, added);
        if (added) await CheckReactionRoomAsync(seq, checkedKey, actor.MemberId);
        var changed = added
            ? await Services.Messages.AddReactionAsync(Key, seq, checkedKey, actor.MemberId, Services.Time.Now())
            : await Services.Messages.RemoveReactionAsync(Key, seq, checkedKey, actor.MemberId);
        if (!changed) return;
        var count = await Services.Messages.CountReactionsAsync(Key, seq, checkedKey);
        Services.Events.Publish(new RoomEvent(Key, EventNames.Reaction, new ReactionPayload(Key, seq, checkedKey, actor.MemberId, added, count)));
    }

    /// <summary>A stamp is added only while its pack is offered; one of a pack removed since can still be taken back.</summary>
    private async Task<string> CheckReactionKeyAsync(string? key, bool adding)
    {
        if (string.IsNullOrEmpty(key)) throw CommunityException.Invalid("key", "is required");
        if (ReactionKeys.IsStamp(key, out var stampId))
        {
            ClientIds.Check(stampId, "key");
            return !adding || await Services.Stamps.ExistsAsync(stampId) ? key : throw CommunityException.Invalid("key", "no such stamp");
        }
        return ReactionKeys.IsSingleEmoji(key) ? key : throw CommunityException.Invalid("key", "must be one emoji or stamp:<stampId>");
    }

    /// <summary>
    /// Refuses a reaction that would take the member past their own reactions on the message, or
    /// the message past its reaction keys (<see cref="MessageCaps"/>); one already there is a no-op
    /// and passes. Only this grain adds reactions to the room's messages, one call at a time, so
    /// the counts cannot move between this check and the add.
    /// </summary>
    private async Task CheckReactionRoomAsync(long seq, string key, string memberId)
    {
        var reactions = await Services.Messages.ReactionsAsync(Key, seq, memberId);
        if (reactions.Any(r => r.Key == key && r.Me)) return;
        if (reactions.Count(r => r.Me) >= MessageCaps.ReactionsPerMember)
            throw CommunityException.Invalid("key", $"a member may put at most {MessageCaps.ReactionsPerMember} different reactions on one message");
        if (reactions.All(r => r.Key != key) && reactions.Count >= MessageCaps.ReactionKeysPerMessage)
            throw CommunityException.Invalid("key", $"this message has {MessageCaps.ReactionKeysPerMessage} different reactions already: add one of those");
    }

    /// <summary>
    /// Tells the room's other members the actor is typing. A muted member's typing is not relayed
    /// (they could not send what they type), and neither is typing where the room does not relay it.
    /// </summary>
    public Task TypingAsync(Actor actor)
    {
        RequireMember(actor);
        if (RelaysTyping && !IsMuted(actor))
            Services.Events.Publish(new RoomEvent(Key, EventNames.Typing, new TypingPayload(Key, actor.MemberId), ExceptMemberId: actor.MemberId));
        return Task.CompletedTask;
    }

    /// <summary>Whether typing here reaches the room's other members: the broadcast channel, with every member in it, does not relay it.</summary>
    protected virtual bool RelaysTyping => true;
}
