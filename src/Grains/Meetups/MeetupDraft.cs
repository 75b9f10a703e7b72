namespace Community.Grains.Meetups;

/// <summary>
/// A meetup as its planner gives it: a start as an instant (<see cref="StartsAt"/>) or as a wall-clock
/// time in <see cref="TimeZone"/> (<see cref="LocalStart"/>), and optionally a repeat rule with dates to skip.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MeetupDraft(
    [property: Id(0)] string? Title,
    [property: Id(1)] DateTimeOffset? StartsAt,
    [property: Id(2)] int? DurationMinutes,
    [property: Id(3)] string? Location,
    [property: Id(4)] string? TimeZone = null,
    [property: Id(5)] string? LocalStart = null,
    [property: Id(6)] MeetupRepeatDraft? Repeat = null,
    [property: Id(7)] IReadOnlyList<string?>? Exceptions = null);
