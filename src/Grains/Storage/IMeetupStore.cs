using Community.Grains.Meetups;

namespace Community.Grains.Storage;

public interface IMeetupStore
{
    Task AddAsync(Meetup meetup, string createdBy, DateTimeOffset createdAt);

    Task<Meetup?> GetAsync(string roomId, string meetupId);

    /// <summary>The room's meetups by start time; only those not yet over when <paramref name="upcomingAt"/> is given.</summary>
    Task<IReadOnlyList<Meetup>> ListAsync(string roomId, DateTimeOffset? upcomingAt);

    Task SetRsvpAsync(string meetupId, string memberId, string response, DateTimeOffset at);

    /// <summary>
    /// Marks as sent, and returns, the reminders of meetups starting between now and
    /// <paramref name="lead"/> from now that were not sent before. A reminder is claimed once,
    /// whatever the number of nodes and restarts.
    /// </summary>
    Task<IReadOnlyList<DueReminder>> ClaimDueRemindersAsync(DateTimeOffset now, TimeSpan lead);
}
