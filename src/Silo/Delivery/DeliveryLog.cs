using Microsoft.Extensions.Logging;

namespace Community.Silo.Delivery;

internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "Delivering a {EventType} event failed")]
    public static partial void DeliveryFailed(ILogger logger, string eventType, Exception exception);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "No node answered a group change for connection {ConnectionId}; it is left out")]
    public static partial void GroupChangeUnanswered(ILogger logger, string connectionId);
}
