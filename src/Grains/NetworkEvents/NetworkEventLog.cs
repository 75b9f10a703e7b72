using Microsoft.Extensions.Logging;

namespace Community.Grains.NetworkEvents;

internal static partial class NetworkEventLog
{
    [LoggerMessage(EventId = 560, Level = LogLevel.Information, Message = "Sent the reminder of network event {EventId} to {Going} members going")]
    public static partial void ReminderSent(ILogger logger, string eventId, int going);
}
