using Community.Grains.Errors;
using NodaTime;

namespace Community.Grains.Meetups;

/// <summary>Checks a repeat rule as given and fills in what it leaves to the start date.</summary>
internal static class MeetupRepeatRules
{
    private const int MaxCount = 1000;

    public static MeetupRepeat Check(MeetupRepeatDraft draft, LocalDate start)
    {
        var frequency = Common.Check.OneOf(draft.Frequency, "repeat.frequency", MeetupRepeat.Weekly, MeetupRepeat.Monthly);
        var weekly = frequency == MeetupRepeat.Weekly;
        var maxInterval = weekly ? 52 : 12;
        var interval = draft.Interval ?? 1;
        if (interval < 1 || interval > maxInterval) throw CommunityException.Invalid("repeat.interval", $"must be between 1 and {maxInterval}");
        var weekdays = Weekdays(draft.Weekdays);
        if (weekly)
        {
            if (draft.WeekOfMonth is not null || draft.DayOfMonth is not null)
                throw CommunityException.Invalid("repeat.weekOfMonth", "a weekly meetup repeats on weekdays, not on a week or day of the month");
            if (weekdays.Count == 0) weekdays = [MeetupWeekdays.Name(start.DayOfWeek)];
        }
        else if (draft.DayOfMonth is { } day)
        {
            if (draft.WeekOfMonth is not null || weekdays.Count > 0)
                throw CommunityException.Invalid("repeat.dayOfMonth", "give a day of the month, or a week of the month and a weekday, not both");
            if (day is < 1 or > 31) throw CommunityException.Invalid("repeat.dayOfMonth", "must be between 1 and 31");
        }
        else if (draft.WeekOfMonth is { } week)
        {
            if (week is not (>= 1 and <= 4 or -1)) throw CommunityException.Invalid("repeat.weekOfMonth", "must be 1, 2, 3, 4, or -1 for the last");
            if (weekdays.Count > 1) throw CommunityException.Invalid("repeat.weekdays", "a monthly meetup on the Nth weekday names one weekday");
            if (weekdays.Count == 0) weekdays = [MeetupWeekdays.Name(start.DayOfWeek)];
        }
        else
        {
            throw CommunityException.Invalid("repeat.weekOfMonth", "a monthly meetup needs weekOfMonth and a weekday (the 2nd Friday) or dayOfMonth");
        }
        if (draft.Until is not null && draft.Count is not null) throw CommunityException.Invalid("repeat.until", "give until or count, not both");
        string? until = null;
        if (draft.Until is { } text)
        {
            var date = MeetupDates.Parse(text, "repeat.until");
            if (date < start) throw CommunityException.Invalid("repeat.until", "must not be before the first date");
            until = MeetupSchedule.DatePattern.Format(date);
        }
        if (draft.Count is { } count && count is < 1 or > MaxCount) throw CommunityException.Invalid("repeat.count", $"must be between 1 and {MaxCount}");
        return new MeetupRepeat(frequency, interval, weekdays, weekly ? null : draft.WeekOfMonth, weekly ? null : draft.DayOfMonth, until, draft.Count);
    }

    private static IReadOnlyList<string> Weekdays(IReadOnlyList<string?>? names)
    {
        if (names is null) return [];
        if (names.Count > 7) throw CommunityException.Invalid("repeat.weekdays", "names each weekday at most once");
        var days = new List<IsoDayOfWeek>();
        foreach (var name in names)
        {
            var day = Common.Check.OneOf(name, "repeat.weekdays", MeetupWeekdays.All);
            if (!days.Contains(MeetupWeekdays.Parse(day))) days.Add(MeetupWeekdays.Parse(day));
        }
        return days.Order().Select(MeetupWeekdays.Name).ToArray();
    }
}
