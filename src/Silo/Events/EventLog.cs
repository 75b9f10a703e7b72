using Microsoft.Extensions.Logging;

namespace Community.Silo.Events;

internal static partial class EventLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "Delivering a {EventType} event failed")]
    public static partial void DeliveryFailed(ILogger logger, string eventType, Exception exception);
}
