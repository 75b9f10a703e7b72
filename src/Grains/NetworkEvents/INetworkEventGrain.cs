using Community.Grains.Conversations;

namespace Community.Grains.NetworkEvents;

/// <summary>One network event, its answers and its reminder; keyed by the event's id. The only writer of its answers.</summary>
public interface INetworkEventGrain : IGrainWithStringKey
{
    /// <summary>The secretariat creates the event, with a private room for its chat (the secretariat member as its owner) and its reminder.</summary>
    Task<EventView> CreateAsync(Actor actor, EventDraft draft);

    /// <summary>The event as <paramref name="actor"/> sees it; <c>not_found</c> for a member it is not for.</summary>
    Task<EventView> GetAsync(Actor actor);

    /// <summary>
    /// <c>going</c> takes a place, or a place on the waiting list when every place is taken; <c>declined</c> gives a place
    /// up, and the first on the waiting list moves up (told by an <c>eventRsvp</c> event). Those going or waiting are in
    /// the event's room. <c>conflict</c> once the event has started.
    /// </summary>
    Task<EventView> RsvpAsync(Actor actor, string? response);

    /// <summary>Who is going, waiting, declined and attended: the secretariat only.</summary>
    Task<EventAttendees> AttendeesAsync(Actor actor);

    /// <summary>The secretariat records who attended, once the event has started (<c>conflict</c> before); replaces what was recorded.</summary>
    Task<EventAttendees> RecordAttendanceAsync(Actor actor, IReadOnlyList<string>? memberIds);
}
