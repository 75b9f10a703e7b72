using Microsoft.Extensions.Logging;

namespace Community.Silo.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Applied schema migration {Version} to {Database}")]
    public static partial void MigrationApplied(ILogger logger, int version, string database);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Applied Orleans script {Script} (dotnet/orleans {Commit}) to {Database}")]
    public static partial void OrleansScriptApplied(ILogger logger, string script, string commit, string database);
}
