using Community.Grains.Meetups;

namespace Community.Grains.Storage;

public interface IMeetupStore
{
    Task AddAsync(Meetup meetup, string createdBy, DateTimeOffset createdAt);

    Task<Meetup?> GetAsync(string roomId, string meetupId);

    /// <summary>The room's meetups by first start; only those not yet over (a series: its last date) when <paramref name="upcomingAt"/> is given.</summary>
    Task<IReadOnlyList<Meetup>> ListAsync(string roomId, DateTimeOffset? upcomingAt);

    Task SetRsvpAsync(string meetupId, string memberId, string response, DateTimeOffset at);

    /// <summary>
    /// Marks the meetup's reminder as sent; true for the one caller that marks it, whatever the
    /// number of nodes and restarts, false once it was sent (or for no such meetup).
    /// </summary>
    Task<bool> ClaimReminderAsync(string meetupId, DateTimeOffset at);

    /// <summary>Stores a meetup's new schedule: its first start, repeat rule and skipped dates.</summary>
    Task UpdateScheduleAsync(Meetup meetup);

    /// <summary>
    /// Marks the reminder of one date of a series (<paramref name="occurrence"/>, its local date) as sent;
    /// true for the one caller that marks it, false once it was sent.
    /// </summary>
    Task<bool> ClaimOccurrenceReminderAsync(string meetupId, string occurrence, DateTimeOffset at);
}
