using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Community.Grains.Meetups;

/// <summary>
/// A meetup's dates: its first date alone, or every date its repeat rule names from the first on,
/// each at the same wall-clock time in the meetup's zone. A wall-clock time that a daylight-saving
/// change skips moves forward by the length of the gap (02:30 on a spring-forward night is 03:30); one
/// that happens twice is the earlier of the two. Exceptions are dates of the rule that do not take
/// place; like RFC 5545's COUNT, <see cref="MeetupRepeat.Count"/> counts them.
/// </summary>
public sealed class MeetupSchedule
{
    /// <summary>How far an open-ended series is followed.</summary>
    private static readonly Period Horizon = Period.FromYears(30);

    public static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    public static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    private readonly HashSet<LocalDate> _skipped;

    public MeetupSchedule(DateTimeZone zone, LocalDateTime first, MeetupRepeat? repeat, IEnumerable<LocalDate> skipped)
    {
        Zone = zone;
        First = first;
        Repeat = repeat;
        _skipped = [.. skipped];
    }

    public DateTimeZone Zone { get; }

    /// <summary>The first date and its wall-clock time.</summary>
    public LocalDateTime First { get; }

    public MeetupRepeat? Repeat { get; }

    public IReadOnlyCollection<LocalDate> Skipped => _skipped;

    /// <summary>The schedule of a stored meetup.</summary>
    public static MeetupSchedule Of(Meetup meetup)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(meetup.TimeZone) ?? DateTimeZone.Utc;
        var first = LocalPattern.Parse(meetup.LocalStart) is { Success: true } parsed
            ? parsed.Value
            : Instant.FromDateTimeOffset(meetup.StartsAt).InZone(zone).LocalDateTime;
        return new MeetupSchedule(zone, first, meetup.Repeat, (meetup.Exceptions ?? []).Select(d => DatePattern.Parse(d).Value));
    }

    /// <summary>Every date of the rule from the first on, skipped ones included, in order.</summary>
    public IEnumerable<LocalDate> RuleDates()
    {
        if (Repeat is null)
        {
            yield return First.Date;
            yield break;
        }
        var until = Repeat.Until is { } text ? DatePattern.Parse(text).Value : First.Date.Plus(Horizon);
        var count = 0;
        foreach (var date in Candidates(Repeat, First.Date))
        {
            if (date > until || (Repeat.Count is { } most && count >= most)) yield break;
            count++;
            yield return date;
        }
    }

    /// <summary>The dates that take place, with their starts.</summary>
    public IEnumerable<(LocalDate Date, DateTimeOffset StartsAt)> Occurrences() =>
        RuleDates().Where(d => !_skipped.Contains(d)).Select(d => (d, StartOf(d)));

    /// <summary>Whether <paramref name="date"/> is a date of the rule (skipped or not).</summary>
    public bool IsRuleDate(LocalDate date) => RuleDates().TakeWhile(d => d <= date).Contains(date);

    public bool IsSkipped(LocalDate date) => _skipped.Contains(date);

    /// <summary>The start of the meetup on <paramref name="date"/>, in UTC.</summary>
    public DateTimeOffset StartOf(LocalDate date) =>
        date.At(First.TimeOfDay).InZone(Zone, Resolvers.LenientResolver).ToInstant().ToDateTimeOffset();

    /// <summary>The wall-clock date of an instant in the meetup's zone.</summary>
    public LocalDate DateOf(DateTimeOffset instant) => Instant.FromDateTimeOffset(instant).InZone(Zone).Date;

    /// <summary>The occurrences not yet over at <paramref name="now"/>.</summary>
    public IEnumerable<(LocalDate Date, DateTimeOffset StartsAt)> Upcoming(DateTimeOffset now, int durationMinutes) =>
        Occurrences().Where(o => o.StartsAt.AddMinutes(durationMinutes) > now);

    /// <summary>When <paramref name="meetup"/>'s last date ends; null for a series without end.</summary>
    public static DateTimeOffset? EndOf(Meetup meetup) =>
        meetup.Repeat is null ? meetup.StartsAt.AddMinutes(meetup.DurationMinutes) : Of(meetup).EndsAt(meetup.DurationMinutes);

    /// <summary>When the last occurrence ends; null for a series without end.</summary>
    public DateTimeOffset? EndsAt(int durationMinutes)
    {
        if (Repeat is { Until: null, Count: null }) return null;
        DateTimeOffset? last = null;
        foreach (var (_, startsAt) in Occurrences()) last = startsAt;
        return last?.AddMinutes(durationMinutes);
    }

    private static IEnumerable<LocalDate> Candidates(MeetupRepeat repeat, LocalDate from) =>
        repeat.Frequency == MeetupRepeat.Weekly ? WeeklyCandidates(repeat, from) : MonthlyCandidates(repeat, from);

    /// <summary>Weeks start on Monday (RFC 5545's default WKST); the series' weeks are counted from the first date's.</summary>
    private static IEnumerable<LocalDate> WeeklyCandidates(MeetupRepeat repeat, LocalDate from)
    {
        var days = repeat.Weekdays.Select(MeetupWeekdays.Parse).ToHashSet();
        var weekStart = from.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        for (var week = weekStart; ; week = week.PlusWeeks(repeat.Interval))
        {
            for (var day = week; day < week.PlusWeeks(1); day = day.PlusDays(1))
            {
                if (day >= from && days.Contains(day.DayOfWeek)) yield return day;
            }
        }
    }

    private static IEnumerable<LocalDate> MonthlyCandidates(MeetupRepeat repeat, LocalDate from)
    {
        var month = new LocalDate(from.Year, from.Month, 1);
        for (; ; month = month.PlusMonths(repeat.Interval))
        {
            if (DateIn(repeat, month) is { } date && date >= from) yield return date;
        }
    }

    /// <summary>The rule's date in the month starting at <paramref name="month"/>; null when the month has none (no 31st, no 5th Friday).</summary>
    private static LocalDate? DateIn(MeetupRepeat repeat, LocalDate month)
    {
        var length = month.Calendar.GetDaysInMonth(month.Year, month.Month);
        if (repeat.DayOfMonth is { } day) return day <= length ? month.PlusDays(day - 1) : null;
        var weekday = MeetupWeekdays.Parse(repeat.Weekdays[0]);
        if (repeat.WeekOfMonth is -1)
            return month.PlusDays(length - 1).With(DateAdjusters.PreviousOrSame(weekday));
        var nth = month.With(DateAdjusters.NextOrSame(weekday)).PlusWeeks(repeat.WeekOfMonth!.Value - 1);
        return nth.Month == month.Month ? nth : null;
    }
}
