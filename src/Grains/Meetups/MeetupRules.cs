using Community.Grains.Errors;
using Community.Grains.Text;
using NodaTime;

namespace Community.Grains.Meetups;

internal static class MeetupRules
{
    /// <summary>How far from now a meetup may be planned, either way.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(10 * 366);

    /// <summary>How many dates a series may skip.</summary>
    private const int MaxExceptions = 100;

    /// <summary>How many next starts a listing shows of a series.</summary>
    public const int ListedOccurrences = 5;

    public static Meetup New(string id, string roomId, MeetupDraft draft, DateTimeOffset now)
    {
        var title = FieldRules.MeetupTitle.Check(draft.Title, "title");
        var zone = MeetupTimeZones.Find(draft.TimeZone);
        var start = Start(draft, zone);
        var duration = draft.DurationMinutes ?? 60;
        if (duration is < 5 or > 24 * 60) throw CommunityException.Invalid("durationMinutes", "must be between 5 and 1440");
        var location = FieldRules.MeetupLocation.Check(draft.Location, "location");
        var repeat = draft.Repeat is { } rule ? MeetupRepeatRules.Check(rule, start.Date) : null;
        var meetup = Scheduled(new Meetup(id, roomId, title, default, duration, location, [], zone.Id), zone, start, repeat, draft.Exceptions, "exceptions");
        // A single meetup given as an instant keeps it to the millisecond.
        if (repeat is null && draft.StartsAt is { } exact) meetup = meetup with { StartsAt = Milliseconds(exact) };
        if (meetup.StartsAt < now - Horizon || meetup.StartsAt > now + Horizon)
            throw CommunityException.Invalid(draft.LocalStart is null ? "startsAt" : "localStart", "must be within ten years of now");
        return meetup;
    }

    /// <summary>The meetup with a new repeat rule; the skipped dates the new rule no longer has are dropped.</summary>
    public static Meetup Repeated(Meetup meetup, MeetupRepeatDraft? draft)
    {
        var schedule = MeetupSchedule.Of(meetup);
        var repeat = draft is null ? throw CommunityException.Invalid("frequency", "is required") : MeetupRepeatRules.Check(draft, schedule.First.Date);
        var renewed = new MeetupSchedule(schedule.Zone, schedule.First, repeat, []);
        var kept = (meetup.Exceptions ?? []).Where(d => renewed.IsRuleDate(MeetupSchedule.DatePattern.Parse(d).Value)).ToArray();
        return Scheduled(meetup, schedule.Zone, schedule.First, repeat, kept, "repeat");
    }

    /// <summary>The series with <paramref name="date"/> skipped (once: skipping it again changes nothing).</summary>
    public static Meetup Skipping(Meetup meetup, string? date)
    {
        var schedule = RequireSeries(meetup);
        var day = MeetupDates.Parse(date, "date");
        if (!schedule.IsRuleDate(day)) throw CommunityException.Invalid("date", "is not a date of this series");
        if (schedule.IsSkipped(day)) return meetup;
        return Scheduled(meetup, schedule.Zone, schedule.First, meetup.Repeat, [.. meetup.Exceptions ?? [], MeetupSchedule.DatePattern.Format(day)], "date");
    }

    /// <summary>The series with <paramref name="date"/> taking place again.</summary>
    public static Meetup Restoring(Meetup meetup, string? date)
    {
        var schedule = RequireSeries(meetup);
        var day = MeetupDates.Parse(date, "date");
        if (!schedule.IsSkipped(day)) throw CommunityException.NotFound("that date of the series is not skipped");
        var text = MeetupSchedule.DatePattern.Format(day);
        return Scheduled(meetup, schedule.Zone, schedule.First, meetup.Repeat, (meetup.Exceptions ?? []).Where(d => d != text).ToArray(), "date");
    }

    /// <summary>The meetup as listed at <paramref name="now"/>: with its next starts.</summary>
    public static Meetup Listed(Meetup meetup, DateTimeOffset now)
    {
        var schedule = MeetupSchedule.Of(meetup);
        var next = meetup.Repeat is null ? [meetup.StartsAt]
            : schedule.Upcoming(now, meetup.DurationMinutes).Take(ListedOccurrences).Select(o => o.StartsAt).ToArray();
        return meetup with { Occurrences = next, Exceptions = meetup.Exceptions ?? [] };
    }

    private static MeetupSchedule RequireSeries(Meetup meetup) =>
        meetup.Repeat is null ? throw CommunityException.Invalid("date", "this meetup does not repeat") : MeetupSchedule.Of(meetup);

    /// <summary>
    /// The meetup on <paramref name="repeat"/> from <paramref name="start"/>: its first date is the rule's first on or after
    /// the start's date, and each skipped date must be one of the rule's.
    /// </summary>
    private static Meetup Scheduled(Meetup meetup, DateTimeZone zone, LocalDateTime start, MeetupRepeat? repeat,
        IReadOnlyList<string?>? exceptions, string field)
    {
        var first = new MeetupSchedule(zone, start, repeat, []).RuleDates().Cast<LocalDate?>().FirstOrDefault()
            ?? throw CommunityException.Invalid("repeat", "no date of this rule falls between the start and its end");
        var rule = new MeetupSchedule(zone, first.At(start.TimeOfDay), repeat, []);
        var skipped = new SortedSet<LocalDate>();
        if (exceptions is { Count: > 0 } && repeat is null) throw CommunityException.Invalid(field, "only a meetup that repeats has dates to skip");
        if (exceptions?.Count > MaxExceptions) throw CommunityException.Invalid(field, $"at most {MaxExceptions} dates can be skipped");
        foreach (var text in exceptions ?? [])
        {
            var date = MeetupDates.Parse(text, field);
            if (!rule.IsRuleDate(date)) throw CommunityException.Invalid(field, $"{MeetupSchedule.DatePattern.Format(date)} is not a date of this series");
            skipped.Add(date);
        }
        var schedule = new MeetupSchedule(zone, rule.First, repeat, skipped);
        var firstStart = schedule.Occurrences().Select(o => (DateTimeOffset?)o.StartsAt).FirstOrDefault()
            ?? throw CommunityException.Invalid(field, "would skip every date of the series");
        return meetup with
        {
            StartsAt = firstStart,
            TimeZone = zone.Id,
            LocalStart = MeetupSchedule.LocalPattern.Format(rule.First),
            Repeat = repeat,
            Exceptions = skipped.Select(MeetupSchedule.DatePattern.Format).ToArray(),
        };
    }

    private static DateTimeOffset Milliseconds(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }

    private static LocalDateTime Start(MeetupDraft draft, DateTimeZone zone)
    {
        if (draft.LocalStart is { } local)
        {
            if (draft.StartsAt is not null) throw CommunityException.Invalid("localStart", "give startsAt or localStart, not both");
            if (draft.TimeZone is null) throw CommunityException.Invalid("timeZone", "is required with localStart");
            return MeetupDates.ParseLocal(local, "localStart");
        }
        var startsAt = draft.StartsAt ?? throw CommunityException.Invalid("startsAt", "is required");
        return Instant.FromDateTimeOffset(startsAt).InZone(zone).LocalDateTime.With(TimeAdjusters.TruncateToMinute);
    }
}
