using Community.Grains.Meetups;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;

namespace Community.Gateway.Calendars;

/// <summary>
/// Meetups as an iCalendar file (RFC 5545): one VEVENT each, starting at its wall-clock time in its
/// zone (TZID, with that zone's VTIMEZONE), a series with its RRULE and the dates it skips as EXDATE.
/// The UID is the meetup's id, so a calendar that imports the file again updates the same event.
/// </summary>
public static class MeetupCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private const string UidDomain = "meetups.community";

    public static string Of(IEnumerable<Meetup> meetups, string name, DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = "-//Community//Lunch meetups//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        var zones = new HashSet<string>();
        foreach (var meetup in meetups)
        {
            var schedule = MeetupSchedule.Of(meetup);
            if (meetup.TimeZone != MeetupTimeZones.Utc && zones.Add(meetup.TimeZone))
                calendar.AddTimeZone(VTimeZone.FromDateTimeZone(meetup.TimeZone, Earliest(meetup, now), includeHistoricalData: false));
            calendar.Events.Add(EventOf(meetup, schedule, now));
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>The zone's rules are written from a year before the meetup's first date (or now, if that is earlier: the zone's current rules run on from there).</summary>
    private static DateTime Earliest(Meetup meetup, DateTimeOffset now) =>
        (meetup.StartsAt < now ? meetup.StartsAt : now).UtcDateTime.AddYears(-1);

    private static CalendarEvent EventOf(Meetup meetup, MeetupSchedule schedule, DateTimeOffset now)
    {
        var start = meetup.Repeat is null
            ? Instant.FromDateTimeOffset(meetup.StartsAt).InZone(schedule.Zone).LocalDateTime
            : schedule.First;
        var item = new CalendarEvent
        {
            Uid = $"{meetup.Id}@{UidDomain}",
            Summary = meetup.Title,
            Location = meetup.Location.Length > 0 ? meetup.Location : null,
            Description = Description(meetup),
            DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
            DtStart = At(start, meetup.TimeZone),
            Duration = Ical.Net.DataTypes.Duration.FromMinutes(meetup.DurationMinutes),
        };
        if (meetup.Repeat is { } repeat)
        {
            item.RecurrenceRule = new RecurrenceRule(Rule(repeat, schedule));
            foreach (var skipped in schedule.Skipped.Order()) item.ExceptionDates.Add(At(skipped.At(schedule.First.TimeOfDay), meetup.TimeZone));
        }
        return item;
    }

    private static CalDateTime At(LocalDateTime local, string zone) =>
        new(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, zone == MeetupTimeZones.Utc ? CalDateTime.UtcTzId : zone);

    /// <summary>The RRULE: UNTIL in UTC (as RFC 5545 asks when DTSTART has a zone), at the last date's start.</summary>
    private static string Rule(MeetupRepeat repeat, MeetupSchedule schedule)
    {
        var parts = new List<string> { $"FREQ={repeat.Frequency.ToUpperInvariant()}", $"INTERVAL={repeat.Interval}" };
        if (repeat.Frequency == MeetupRepeat.Weekly)
            parts.Add("BYDAY=" + string.Join(',', repeat.Weekdays.Select(MeetupWeekdays.IcalCode)));
        else if (repeat.DayOfMonth is { } day)
            parts.Add($"BYMONTHDAY={day}");
        else
            parts.Add($"BYDAY={repeat.WeekOfMonth}{MeetupWeekdays.IcalCode(repeat.Weekdays[0])}");
        if (repeat.Until is { } until)
        {
            var lastStart = schedule.StartOf(MeetupSchedule.DatePattern.Parse(until).Value);
            parts.Add($"UNTIL={lastStart.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
        }
        if (repeat.Count is { } count) parts.Add($"COUNT={count}");
        return string.Join(';', parts);
    }

    private static string Description(Meetup meetup)
    {
        var going = meetup.Rsvps.Count(r => r.Response == RsvpResponses.Going);
        return going == 0 ? meetup.Title : $"{meetup.Title} ({going} going)";
    }
}
