using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Messages;
using Community.Grains.Rooms;

namespace Community.Grains.Conversations;

/// <summary>
/// <c>@all</c> and <c>@here</c>, who may use them and whom they reach; and each member's mute of
/// the room's notifications, which the room keeps on the member's row so that it knows, without
/// asking anyone, whom a room-wide mention must leave out.
/// </summary>
public abstract partial class ConversationGrain
{
    public async Task<RoomView> SetNotificationsAsync(Actor actor, bool? muted, DateTimeOffset? until)
    {
        RequireMember(actor);
        var mutedUntil = RoomNotifications.MutedUntil(muted, until, Services.Time.GetUtcNow());
        await Services.Rooms.SetNotificationsMutedUntilAsync(Key, actor.MemberId, mutedUntil);
        // Read afresh: a read marker may have moved while the store was written.
        if (_members.TryGetValue(actor.MemberId, out var current))
            _members[actor.MemberId] = current with { NotificationsMutedUntil = mutedUntil };
        var view = ViewFor(actor.MemberId);
        Services.Events.Publish(new MemberEvent(actor.MemberId, EventNames.RoomUpdated, view));
        return view;
    }

    /// <summary>
    /// Refuses <c>@all</c> and <c>@here</c> from whoever may not ping the whole room: in the broadcast
    /// channel anyone but the secretariat; in a room of more than
    /// <see cref="RoomWideMentions.OpenToAnyMemberUpTo"/> members anyone but its owner, moderators
    /// and the secretariat.
    /// </summary>
    private void CheckMayMentionRoom(Actor actor, string? text)
    {
        var tokens = RoomWideMentions.In(Mentions.HandlesIn(text));
        if (tokens.Count == 0) return;
        var used = string.Join(" and ", tokens);
        if (Info!.Kind == RoomKinds.Broadcast)
        {
            if (!actor.IsSecretariat) throw CommunityException.Forbidden($"only the secretariat may use {used} in the broadcast channel");
            return;
        }
        if (_members.Count <= RoomWideMentions.OpenToAnyMemberUpTo || actor.IsSecretariat) return;
        if (RoomRoles.CanModerate(_members.GetValueOrDefault(actor.MemberId)?.Role)) return;
        throw CommunityException.Forbidden(
            $"in a room of more than {RoomWideMentions.OpenToAnyMemberUpTo} members only its owner, moderators and the secretariat may use {used}: mention people by @handle instead");
    }

    /// <summary>
    /// Tells the room's members connected now about a message's <c>@all</c> or <c>@here</c>, in one
    /// event to the room, leaving out the sender, those the message names personally (they heard
    /// already) and those who muted the room's notifications.
    /// </summary>
    private void PublishRoomWideMention(ChatMessage message)
    {
        if (RoomWideMentions.ScopeOf(message.Mentions) is not { } scope) return;
        var now = Services.Time.GetUtcNow();
        var except = new HashSet<string>(message.Mentions.Where(m => !RoomWideMentions.IsToken(m))) { message.SenderId };
        foreach (var member in _members.Values)
            if (member.HasMutedNotifications(now)) except.Add(member.MemberId);
        Services.Events.Publish(new RoomEventExceptMembers(Key, EventNames.Mention,
            new MentionPayload(Key, message.Seq, message.SenderId, scope), except));
    }
}
