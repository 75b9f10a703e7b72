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
        var message = await RequireMessageAsync(seq);
        if (message.Deleted) throw CommunityException.NotFound("that message was deleted");
        var checkedKey = await CheckReactionKeyAsync(key, added);
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

    public async Task TypingAsync(Actor actor)
    {
        RequireMember(actor);
        Services.Events.Publish(new RoomEvent(Key, EventNames.Typing, new TypingPayload(Key, actor.MemberId), ExceptMemberId: actor.MemberId));
    }
}
