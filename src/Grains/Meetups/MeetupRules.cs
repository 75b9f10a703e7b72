using Community.Grains.Common;
using Community.Grains.Errors;

namespace Community.Grains.Meetups;

internal static class MeetupRules
{
    public static Meetup New(string id, string roomId, MeetupDraft draft)
    {
        var title = Check.Length(draft.Title?.Trim(), "title", 1, 120);
        var startsAt = draft.StartsAt ?? throw CommunityException.Invalid("startsAt", "is required");
        var duration = draft.DurationMinutes ?? 60;
        if (duration is < 5 or > 24 * 60) throw CommunityException.Invalid("durationMinutes", "must be between 5 and 1440");
        var location = Check.OptionalLength(draft.Location?.Trim(), "location", 200) ?? "";
        var start = startsAt.ToUniversalTime();
        start = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerMillisecond));
        return new Meetup(id, roomId, title, start, duration, location, []);
    }
}
