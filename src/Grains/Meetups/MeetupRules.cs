using Community.Grains.Errors;
using Community.Grains.Text;

namespace Community.Grains.Meetups;

internal static class MeetupRules
{
    /// <summary>How far from now a meetup may be planned, either way.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(10 * 366);

    public static Meetup New(string id, string roomId, MeetupDraft draft, DateTimeOffset now)
    {
        var title = FieldRules.MeetupTitle.Check(draft.Title, "title");
        var startsAt = draft.StartsAt ?? throw CommunityException.Invalid("startsAt", "is required");
        if (startsAt < now - Horizon || startsAt > now + Horizon) throw CommunityException.Invalid("startsAt", "must be within ten years of now");
        var duration = draft.DurationMinutes ?? 60;
        if (duration is < 5 or > 24 * 60) throw CommunityException.Invalid("durationMinutes", "must be between 5 and 1440");
        var location = FieldRules.MeetupLocation.Check(draft.Location, "location");
        var start = startsAt.ToUniversalTime();
        start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerMillisecond));
        return new Meetup(id, roomId, title, start, duration, location, []);
    }
}
