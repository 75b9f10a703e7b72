namespace Community.Grains.NetworkEvents;

/// <summary><c>Community:Events</c>: how long before a network event starts its reminder goes to those going.</summary>
public sealed class EventOptions
{
    public const string Section = "Community:Events";

    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromDays(1);
}
