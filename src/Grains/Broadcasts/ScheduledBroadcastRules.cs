using Community.Grains.Errors;
using Community.Grains.Messages;

namespace Community.Grains.Broadcasts;

internal static class ScheduledBroadcastRules
{
    /// <summary>How far ahead a broadcast may be scheduled.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(366);

    /// <summary>How many broadcasts may wait to be sent at once.</summary>
    public const int MaxPending = 100;

    public static string Text(string? text) => MessageRules.CheckText(text);

    /// <summary>The time as kept (UTC, to the millisecond), or <c>invalid</c> unless it is in the future and within <see cref="Horizon"/>.</summary>
    public static DateTimeOffset SendAt(DateTimeOffset? sendAt, DateTimeOffset now)
    {
        var at = sendAt ?? throw CommunityException.Invalid("sendAt", "is required");
        if (at <= now) throw CommunityException.Invalid("sendAt", "must be in the future");
        if (at > now + Horizon) throw CommunityException.Invalid("sendAt", "must be within a year of now");
        var utc = at.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
