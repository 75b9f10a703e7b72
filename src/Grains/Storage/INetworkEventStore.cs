using Community.Grains.NetworkEvents;

namespace Community.Grains.Storage;

public interface INetworkEventStore
{
    /// <summary>Writes a new event; false when one has its id already.</summary>
    Task<bool> AddAsync(NetworkEvent networkEvent);

    Task<NetworkEvent?> GetAsync(string id);

    /// <summary>Every answer to the event, in the order given (the waiting list's order).</summary>
    Task<IReadOnlyList<EventRsvp>> RsvpsAsync(string id);

    /// <summary>Writes answers in one transaction: a member's own, and the place it freed for the first on the waiting list.</summary>
    Task SetRsvpsAsync(string id, IReadOnlyList<EventRsvp> rsvps);

    /// <summary>The events that have not ended by <paramref name="now"/> (all of them when null), by start time.</summary>
    Task<IReadOnlyList<NetworkEvent>> ListAsync(DateTimeOffset? now);

    /// <summary>Marks the event's reminder as sent; true for the one caller that marks it, false once it was sent (or for no such event).</summary>
    Task<bool> ClaimReminderAsync(string id, DateTimeOffset at);

    /// <summary>Replaces who attended the event, as the secretariat recorded it.</summary>
    Task SetAttendanceAsync(string id, IReadOnlyList<string> memberIds, DateTimeOffset at);

    Task<IReadOnlyList<string>> AttendanceAsync(string id);

    Task<EventStats> StatsAsync(DateTimeOffset now);
}
