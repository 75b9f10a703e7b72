using Microsoft.Extensions.Logging;

namespace Community.Silo.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Applied schema migration {Version} to {Database}")]
    public static partial void MigrationApplied(ILogger logger, int version, string database);
}
