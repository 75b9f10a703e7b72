using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Community.Silo.Storage.Sqlite;

/// <summary>
/// Orleans grain state in the network's SQLite file (<c>grain_state</c>), with the ETag rules of
/// Orleans' ADO.NET provider: the ETag is the row's version; a write or clear whose ETag is not the
/// stored version, or that has none while a row exists, throws <see cref="InconsistentStateException"/>.
/// </summary>
internal sealed class SqliteGrainStorage(
    string name, string serviceId, SqliteDatabase database, SqliteGrainStorageOptions options,
    IActivatorProvider activators, TimeProvider time, ILogger<SqliteGrainStorage> logger) : IGrainStorage
{
    private const string KeyMatches = "service_id = @serviceId AND state_name = @stateName AND grain_id = @grainId";

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<StoredState>(new CommandDefinition(
            $"SELECT payload, version FROM grain_state WHERE {KeyMatches}", Key(stateName, grainId), cancellationToken: cancellationToken));
        var state = row?.payload is { } payload ? options.GrainStorageSerializer.Deserialize<T>(new BinaryData(payload)) : default;
        grainState.State = state ?? activators.GetActivator<T>().Create();
        grainState.ETag = row is null ? null : ETag(row.version);
        grainState.RecordExists = row?.payload is not null;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(Key(stateName, grainId));
        parameters.Add("payload", options.GrainStorageSerializer.Serialize(grainState.State).ToArray());
        parameters.Add("now", time.GetUtcNow().ToUnixTimeMilliseconds());
        await using var connection = await database.OpenAsync();
        long? version;
        if (string.IsNullOrWhiteSpace(grainState.ETag))
        {
            // No ETag: the grain found nothing stored, so there must still be nothing.
            version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                """
                INSERT INTO grain_state (service_id, state_name, grain_id, payload, version, modified_at)
                VALUES (@serviceId, @stateName, @grainId, @payload, 1, @now)
                ON CONFLICT DO NOTHING RETURNING version
                """, parameters, cancellationToken: cancellationToken));
        }
        else if (TryParseVersion(grainState.ETag, out var expected))
        {
            parameters.Add("expected", expected);
            version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                $"UPDATE grain_state SET payload = @payload, version = version + 1, modified_at = @now WHERE {KeyMatches} AND version = @expected RETURNING version",
                parameters, cancellationToken: cancellationToken));
        }
        else
        {
            version = null;
        }
        if (version is null) throw await ConflictAsync(connection, "WriteState", stateName, grainId, grainState.ETag, cancellationToken);
        grainState.ETag = ETag(version.Value);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        if (!grainState.RecordExists && string.IsNullOrWhiteSpace(grainState.ETag))
        {
            // As the ADO.NET provider: a grain that holds no ETag learns what is stored; nothing stored, nothing to clear.
            await ReadStateAsync(stateName, grainId, grainState, cancellationToken);
            if (!grainState.RecordExists) return;
        }
        await using var connection = await database.OpenAsync();
        long? version = null;
        if (TryParseVersion(grainState.ETag, out var expected))
        {
            var parameters = new DynamicParameters(Key(stateName, grainId));
            parameters.Add("expected", expected);
            parameters.Add("now", time.GetUtcNow().ToUnixTimeMilliseconds());
            version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                options.DeleteStateOnClear
                    ? $"DELETE FROM grain_state WHERE {KeyMatches} AND version = @expected RETURNING version"
                    : $"UPDATE grain_state SET payload = NULL, version = version + 1, modified_at = @now WHERE {KeyMatches} AND version = @expected RETURNING version",
                parameters, cancellationToken: cancellationToken));
        }
        if (version is null) throw await ConflictAsync(connection, "ClearState", stateName, grainId, grainState.ETag, cancellationToken);
        grainState.ETag = options.DeleteStateOnClear ? null : ETag(version.Value);
        grainState.RecordExists = false;
        grainState.State = activators.GetActivator<T>().Create();
    }

    private object Key(string stateName, GrainId grainId) => new { serviceId, stateName, grainId = grainId.ToString() };

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static bool TryParseVersion(string? etag, out long version) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version);

    private async Task<InconsistentStateException> ConflictAsync(
        SqliteConnection connection, string operation, string stateName, GrainId grainId, string? etag, CancellationToken cancellationToken)
    {
        var stored = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT version FROM grain_state WHERE {KeyMatches}", Key(stateName, grainId), cancellationToken: cancellationToken));
        var storedEtag = stored is null ? null : ETag(stored.Value);
        StorageLog.GrainStateConflict(logger, operation, name, stateName, grainId.ToString(), etag, storedEtag);
        return new InconsistentStateException(
            $"Version conflict ({operation}): ProviderName={name} StateName={stateName} GrainId={grainId} ETag={etag} StoredETag={storedEtag}.",
            storedEtag, etag);
    }

    /// <summary>A stored row as read: its state (NULL once cleared) and version.</summary>
    private sealed record StoredState(byte[]? payload, long version);
}
