using Community.Grains.Events;

namespace Community.Grains.Meetups;

/// <summary>One meetup's reminder: a durable Orleans reminder that sends it once per date. Keyed by meetup id.</summary>
public interface IMeetupGrain : IGrainWithStringKey
{
    /// <summary>Arranges for the room to be reminded <see cref="MeetupOptions.ReminderLead"/> before the start (at once when that is past).</summary>
    Task ScheduleReminderAsync(MeetupReminderPayload meetup);

    /// <summary>
    /// Reads the series from the store and arranges the reminder of its next date that has not begun
    /// (re-armed for the date after it once it is sent); takes the reminder away when no date is left.
    /// </summary>
    Task ScheduleSeriesAsync(string roomId);
}
