namespace Community.Grains.Meetups;

/// <summary>
/// How a meetup repeats: weekly (every <see cref="Interval"/> weeks on <see cref="Weekdays"/>) or
/// monthly (every <see cref="Interval"/> months on the <see cref="WeekOfMonth"/>th weekday, -1 the
/// last, or on <see cref="DayOfMonth"/>), until a local date or for a number of dates.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MeetupRepeat(
    [property: Id(0)] string Frequency,
    [property: Id(1)] int Interval,
    [property: Id(2)] IReadOnlyList<string> Weekdays,
    [property: Id(3)] int? WeekOfMonth,
    [property: Id(4)] int? DayOfMonth,
    [property: Id(5)] string? Until,
    [property: Id(6)] int? Count)
{
    public const string Weekly = "weekly";
    public const string Monthly = "monthly";
}
