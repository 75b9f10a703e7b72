using Community.Grains.Messages;
using Community.Grains.Rooms;
using Orleans.Concurrency;

namespace Community.Grains.Conversations;

/// <summary>What every room-like grain does with its message log: talk rooms and DM threads alike.</summary>
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>The room as <paramref name="actor"/> sees it; members only, or anyone for a public room.</summary>
    Task<RoomView> GetAsync(Actor actor);

    Task<IReadOnlyList<RoomMember>> GetMembersAsync(Actor actor);

    /// <summary>Throws <c>forbidden</c> unless <paramref name="actor"/> belongs to the room.</summary>
    Task EnsureMemberAsync(Actor actor);

    /// <summary>
    /// Appends a message; a retry with the same client message id returns the original. Sends
    /// that queue up while the room is committing are committed together, in one transaction;
    /// meanwhile the room answers its other calls.
    /// </summary>
    [AlwaysInterleave]
    Task<ChatMessage> SendAsync(Actor actor, SendMessage send);

    /// <summary>Rewrites the actor's own message; <c>forbidden</c> while the actor is muted in the room.</summary>
    Task<ChatMessage> EditAsync(Actor actor, long seq, string? text);

    Task DeleteAsync(Actor actor, long seq);

    /// <summary>
    /// The member's account was deleted (<c>forbidden</c> otherwise): their messages here become tombstones when
    /// <paramref name="eraseMessages"/>, and a room ends their membership (a DM keeps both sides, so that the other
    /// member still reads it). Repeatable: a second call finds nothing left to do.
    /// </summary>
    Task SeeOffFormerMemberAsync(string memberId, bool eraseMessages);

    Task MarkReadAsync(Actor actor, long seq);

    /// <summary>
    /// Adds the actor's reaction (one emoji or <c>stamp:&lt;id&gt;</c>); adding it twice is a no-op.
    /// <c>forbidden</c> while the actor is muted; <c>invalid</c> beyond <see cref="MessageCaps"/>.
    /// </summary>
    Task AddReactionAsync(Actor actor, long seq, string? key);

    Task RemoveReactionAsync(Actor actor, long seq, string? key);

    /// <summary>
    /// Mutes (<paramref name="muted"/> true, until <paramref name="until"/> or until unmuted) or
    /// unmutes the room's notifications for the actor alone; the room as the actor now sees it.
    /// </summary>
    Task<RoomView> SetNotificationsAsync(Actor actor, bool? muted, DateTimeOffset? until);

    /// <summary>
    /// Tells the room's other members the actor is typing; nothing is stored. Not relayed in the
    /// broadcast channel, nor for a muted member; either way the call succeeds.
    /// </summary>
    Task TypingAsync(Actor actor);

    /// <summary>
    /// Pins a message (the room's owner and moderators and the secretariat; both members of a DM); pinning it
    /// again is a no-op answering the pin. <c>not_found</c> for a missing or deleted message, <c>conflict</c>
    /// past <see cref="Pins.PinRules.MaxPerRoom"/> pins.
    /// </summary>
    Task<Pins.Pin> PinAsync(Actor actor, long seq);

    /// <summary>Unpins a message; unpinning one not pinned is a no-op.</summary>
    Task UnpinAsync(Actor actor, long seq);
}
