using Community.Grains.Errors;
using NodaTime;

namespace Community.Grains.Meetups;

/// <summary>Local dates and wall-clock times as the API spells them: <c>2026-12-11</c>, <c>2026-12-11T12:00</c>.</summary>
internal static class MeetupDates
{
    public static LocalDate Parse(string? text, string field)
    {
        if (text is null) throw CommunityException.Invalid(field, "is required");
        var parsed = MeetupSchedule.DatePattern.Parse(text);
        return parsed.Success ? parsed.Value : throw CommunityException.Invalid(field, "must be a date such as 2026-12-11");
    }

    public static LocalDateTime ParseLocal(string text, string field)
    {
        var parsed = MeetupSchedule.LocalPattern.Parse(text);
        if (!parsed.Success) parsed = NodaTime.Text.LocalDateTimePattern.ExtendedIso.Parse(text);
        return parsed.Success ? parsed.Value.With(TimeAdjusters.TruncateToMinute)
            : throw CommunityException.Invalid(field, "must be a wall-clock date and time such as 2026-12-11T12:00");
    }
}
