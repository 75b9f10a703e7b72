using Microsoft.Extensions.Logging;

namespace Community.Silo.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Applied schema migration {Version} to {Database}")]
    public static partial void MigrationApplied(ILogger logger, int version, string database);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Applied Orleans script {Script} (dotnet/orleans {Commit}) to {Database}")]
    public static partial void OrleansScriptApplied(ILogger logger, string script, string commit, string database);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning,
        Message = "Grain state {Operation} refused by {Provider}: {StateName} of {GrainId} is at ETag {StoredETag}, not {ETag}")]
    public static partial void GrainStateConflict(ILogger logger, string operation, string provider, string stateName, string grainId, string? etag, string? storedETag);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Checkpointing the SQLite write-ahead log failed; the next tick tries again")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Merging the SQLite message search index failed; the next tick tries again")]
    public static partial void SearchMergeFailed(ILogger logger, Exception exception);
}
