using Microsoft.Extensions.Logging;

namespace Community.Silo.Presence;

internal static partial class PresenceLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "Updating presence failed")]
    public static partial void Failed(ILogger logger, Exception exception);
}
