using Community.Grains.Conversations;

namespace Community.Grains.Polls;

/// <summary>
/// One poll: the only writer of its votes and the only publisher of its <c>poll</c> events, sent to its room's members.
/// Keyed by poll id.
/// </summary>
public interface IPollGrain : IGrainWithStringKey
{
    /// <summary>
    /// Posts the poll into <paramref name="roomId"/> as a message of the actor (which the room allows or refuses as any
    /// message), then keeps it; a creation retried with the same client message id answers the first poll.
    /// </summary>
    Task<PollView> CreateAsync(Actor actor, string roomId, PollDraft draft);

    /// <summary>The poll as the actor sees it, their own choices included; members of its room only.</summary>
    Task<PollView> GetAsync(Actor actor);

    /// <summary>Replaces the actor's choices; <c>conflict</c> once the poll is closed or its closing time passed.</summary>
    Task<PollView> VoteAsync(Actor actor, IReadOnlyList<int>? choices);

    /// <summary>Closes the poll now: its creator, the room's owners and moderators, and the secretariat. Closing it again is a no-op.</summary>
    Task<PollView> CloseAsync(Actor actor);
}
