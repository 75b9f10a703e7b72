using Community.Grains.Errors;

namespace Community.Grains.Rooms;

/// <summary>
/// The rules of muting a room's notifications, which each member sets for themselves (not the
/// moderators' mute, which stops a member posting): muted, a member hears no <c>@all</c> or
/// <c>@here</c> of the room; a personal <c>@handle</c> still reaches them.
/// </summary>
public static class RoomNotifications
{
    /// <summary>How a mute with no end is kept (to the millisecond, as storage keeps times).</summary>
    public static readonly DateTimeOffset MutedForever = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The furthest end a timed mute may have.</summary>
    public static readonly TimeSpan LongestTimedMute = TimeSpan.FromDays(365);

    public const string UntilRule = "an ISO-8601 time in the future, at most a year from now; left out, the mute lasts until the member unmutes";

    /// <summary>
    /// Until when a member's notifications are muted after they asked for <paramref name="muted"/>
    /// (required) until <paramref name="until"/> (optional, only with <c>muted: true</c>); null when unmuted.
    /// </summary>
    public static DateTimeOffset? MutedUntil(bool? muted, DateTimeOffset? until, DateTimeOffset now)
    {
        if (muted is null) throw CommunityException.Invalid("muted", "is required: true or false");
        if (muted == false)
            return until is null ? null : throw CommunityException.Invalid("until", "only a mute has an end: leave it out to unmute");
        if (until is not { } end) return MutedForever;
        if (end <= now) throw CommunityException.Invalid("until", "must be in the future");
        if (end > now + LongestTimedMute) throw CommunityException.Invalid("until", "must be at most a year from now: leave it out to mute until you unmute");
        return new DateTimeOffset(end.UtcTicks - end.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }
}
