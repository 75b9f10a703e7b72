using Microsoft.Extensions.Logging;

namespace Community.Grains.Broadcasts;

internal static partial class ScheduledBroadcastLog
{
    [LoggerMessage(EventId = 520, Level = LogLevel.Information, Message = "Posted scheduled broadcast {ScheduledId} as message {Seq}")]
    public static partial void Posted(ILogger logger, string scheduledId, long seq);

    [LoggerMessage(EventId = 521, Level = LogLevel.Warning, Message = "Scheduled broadcast {ScheduledId} was refused and will not be posted: {Reason}")]
    public static partial void Refused(ILogger logger, string scheduledId, string reason);

    [LoggerMessage(EventId = 522, Level = LogLevel.Warning, Message = "Scheduled broadcast {ScheduledId} could not be posted yet; it is tried again")]
    public static partial void Deferred(ILogger logger, string scheduledId, Exception exception);
}
