using Community.Grains.Common;
using Community.Grains.Errors;
using Community.Grains.Text;

namespace Community.Grains.NetworkEvents;

public static class EventRules
{
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(2 * 366);

    public const int MaxCapacity = 100_000;

    internal static NetworkEvent New(string id, string roomId, EventDraft draft, string createdBy, DateTimeOffset now)
    {
        var startsAt = draft.StartsAt ?? throw CommunityException.Invalid("startsAt", "is required");
        if (startsAt <= now || startsAt > now + Horizon) throw CommunityException.Invalid("startsAt", "must be in the future and within two years of now");
        var duration = draft.DurationMinutes ?? 120;
        if (duration is < 5 or > 7 * 24 * 60) throw CommunityException.Invalid("durationMinutes", "must be between 5 and 10080");
        if (draft.Capacity is < 1 or > MaxCapacity) throw CommunityException.Invalid("capacity", $"must be between 1 and {MaxCapacity}");
        var tags = Check.List(draft.InvitedTags, "invitedTags", FieldRules.ListItem);
        var start = startsAt.ToUniversalTime();
        return new NetworkEvent(id, FieldRules.EventTitle.Check(draft.Title, "title"), FieldRules.EventDescription.Check(draft.Description, "description"),
            FieldRules.MeetupLocation.Check(draft.Location, "location"), start.AddTicks(-(start.Ticks % TimeSpan.TicksPerMillisecond)), duration,
            draft.Capacity, tags, roomId, createdBy, now);
    }

    /// <summary>Whether the member may see and answer the event: the secretariat always; others when it is for everyone or they have one of its tags.</summary>
    public static bool IsInvited(NetworkEvent e, IReadOnlyList<string> memberTags, bool secretariat) =>
        secretariat || e.InvitedTags.Count == 0 || memberTags.Any(t => e.InvitedTags.Contains(t, StringComparer.OrdinalIgnoreCase));
}
