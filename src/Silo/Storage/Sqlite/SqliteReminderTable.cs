using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Community.Silo.Storage.Sqlite;

/// <summary>
/// Orleans reminders in the network's SQLite file (<c>grain_reminders</c>), durable across restarts,
/// with the rules of Orleans' ADO.NET reminder table: the ETag is the row's version, 0 when inserted
/// and moved on by every upsert; a removal must hold it; a range (begin, end] of grain hashes wraps
/// round the ring when begin is not below end.
/// </summary>
internal sealed class SqliteReminderTable(SqliteDatabase database, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_at, period, version";

    private readonly string _serviceId = cluster.Value.ServiceId;

    // The migrator made the table before the silo's reminder service starts.
    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM grain_reminders WHERE service_id = @serviceId AND grain_id = @grainId",
            new { serviceId = _serviceId, grainId = grainId.ToString() }, cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) =>
        QueryAsync(
            begin < end
                ? $"SELECT {Columns} FROM grain_reminders WHERE service_id = @serviceId AND grain_hash > @begin AND grain_hash <= @end"
                : $"SELECT {Columns} FROM grain_reminders WHERE service_id = @serviceId AND (grain_hash > @begin OR grain_hash <= @end)",
            new { serviceId = _serviceId, begin = (long)begin, end = (long)end }, cancellationToken);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<StoredReminder>(new CommandDefinition(
            $"SELECT {Columns} FROM grain_reminders WHERE service_id = @serviceId AND grain_id = @grainId AND reminder_name = @reminderName",
            new { serviceId = _serviceId, grainId = grainId.ToString(), reminderName }, cancellationToken: cancellationToken));
        return row?.ToEntry();
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync();
        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO grain_reminders (service_id, grain_id, reminder_name, start_at, period, grain_hash, version)
            VALUES (@serviceId, @grainId, @reminderName, @startAt, @period, @grainHash, 0)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
                start_at = excluded.start_at, period = excluded.period, grain_hash = excluded.grain_hash, version = version + 1
            RETURNING version
            """,
            new
            {
                serviceId = _serviceId,
                grainId = entry.GrainId.ToString(),
                reminderName = entry.ReminderName,
                startAt = StartAt(entry.StartAt),
                period = (long)entry.Period.TotalMilliseconds,
                grainHash = (long)entry.GrainId.GetUniformHashCode(),
            }, cancellationToken: cancellationToken));
        return ETag(version);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return false;
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM grain_reminders WHERE service_id = @serviceId AND grain_id = @grainId AND reminder_name = @reminderName AND version = @version",
            new { serviceId = _serviceId, grainId = grainId.ToString(), reminderName, version }, cancellationToken: cancellationToken)) > 0;
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM grain_reminders WHERE service_id = @serviceId", new { serviceId = _serviceId }, cancellationToken: cancellationToken));
    }

    private async Task<ReminderTableData> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<StoredReminder>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return new ReminderTableData(rows.Select(r => r.ToEntry()));
    }

    /// <summary>Unix milliseconds; a time of unspecified kind is taken as UTC, as the ADO.NET table does.</summary>
    private static long StartAt(DateTime value) =>
        new DateTimeOffset(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>A stored reminder as read.</summary>
    private sealed record StoredReminder(string grain_id, string reminder_name, long start_at, long period, long version)
    {
        public ReminderEntry ToEntry() => new()
        {
            GrainId = GrainId.Parse(grain_id),
            ReminderName = reminder_name,
            StartAt = DateTimeOffset.FromUnixTimeMilliseconds(start_at).UtcDateTime,
            Period = TimeSpan.FromMilliseconds(period),
            ETag = ETag(version),
        };
    }
}
