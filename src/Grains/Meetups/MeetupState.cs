using Community.Grains.Events;

namespace Community.Grains.Meetups;

/// <summary>What a meetup's grain remembers between its reminder's ticks: what to remind the room of.</summary>
[GenerateSerializer, Immutable, Alias("community.meetup-state")]
public sealed record MeetupState([property: Id(0)] MeetupReminderPayload? Reminder)
{
    public const string Name = "meetup";

    public MeetupState() : this((MeetupReminderPayload?)null)
    {
    }
}
