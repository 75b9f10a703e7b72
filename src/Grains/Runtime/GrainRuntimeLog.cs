using Microsoft.Extensions.Logging;

namespace Community.Grains.Runtime;

internal static partial class GrainRuntimeLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Deactivated idle grain {Grain}")]
    public static partial void Deactivated(ILogger logger, string grain);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Grain {Grain} failed while deactivating")]
    public static partial void DeactivationFailed(ILogger logger, string grain, Exception exception);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Sweeping idle grains failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
