namespace Community.Grains.Meetups;

/// <summary>Meetup reminders (<c>Community:Meetups</c> configuration).</summary>
public sealed class MeetupOptions
{
    /// <summary>How long before a meetup starts its reminder goes out.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromMinutes(15);
}
