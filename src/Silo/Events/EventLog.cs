using Microsoft.Extensions.Logging;

namespace Community.Silo.Events;

internal static partial class EventLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "Delivering a {EventType} event failed")]
    public static partial void DeliveryFailed(ILogger logger, string eventType, Exception exception);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Listening for backplane notifications failed; reconnecting")]
    public static partial void ListenerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Publishing {Count} event(s) to the backplane failed; retrying")]
    public static partial void PublishFailed(ILogger logger, int count, Exception exception);
}
