using Community.Grains.Events;

namespace Community.Grains.Meetups;

/// <summary>One meetup's reminder: a durable Orleans reminder that sends it once. Keyed by meetup id.</summary>
public interface IMeetupGrain : IGrainWithStringKey
{
    /// <summary>Arranges for the room to be reminded <see cref="MeetupOptions.ReminderLead"/> before the start (at once when that is past).</summary>
    Task ScheduleReminderAsync(MeetupReminderPayload meetup);
}
