namespace Community.Grains.Meetups;

/// <summary>A repeat rule as a client gives it; <see cref="MeetupRepeatRules"/> checks it and fills in what it leaves out.</summary>
[GenerateSerializer, Immutable]
public sealed record MeetupRepeatDraft(
    [property: Id(0)] string? Frequency,
    [property: Id(1)] int? Interval = null,
    [property: Id(2)] IReadOnlyList<string?>? Weekdays = null,
    [property: Id(3)] int? WeekOfMonth = null,
    [property: Id(4)] int? DayOfMonth = null,
    [property: Id(5)] string? Until = null,
    [property: Id(6)] int? Count = null);
