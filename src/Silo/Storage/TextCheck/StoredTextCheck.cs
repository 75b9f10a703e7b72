using System.Data.Common;
using Community.Grains.Common;
using Community.Grains.Text;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Community.Silo.Storage.TextCheck;

/// <summary>
/// Reads the text the network keeps against the text rules, once per version of the rules, after
/// the migrations, and logs every value that breaks its rule: which table, row, column and rule.
/// Nothing is changed: what to do with a member's words is a person's decision. Runs in the
/// background, so a large message log does not hold the node's start up.
/// </summary>
internal sealed class StoredTextCheck(IDbConnectionFactory database, TimeProvider time, ILogger<StoredTextCheck> logger) : BackgroundService
{
    /// <summary>Raised whenever the rules change, so that stored data is read against the new ones at the next start.</summary>
    public const int RulesVersion = 1;

    /// <summary>Rows listed one by one per column; more are counted.</summary>
    private const int ListedPerColumn = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var connection = await database.OpenAsync();
            var done = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM text_checks WHERE rules_version = @RulesVersion", new { RulesVersion });
            if (done > 0)
            {
                TextCheckLog.CheckedBefore(logger, RulesVersion);
                return;
            }
            long findings = 0, rows = 0;
            foreach (var column in StoredTextColumns.All)
            {
                var (found, read) = await CheckAsync(connection, column, stoppingToken);
                findings += found;
                rows += read;
            }
            findings += await CheckHandleKeysAsync(connection);
            await connection.ExecuteAsync(
                "INSERT INTO text_checks (rules_version, checked_at, findings) VALUES (@RulesVersion, @now, @findings) ON CONFLICT (rules_version) DO NOTHING",
                new { RulesVersion, now = time.Now().ToUnixTimeMilliseconds(), findings });
            TextCheckLog.Checked(logger, RulesVersion, findings, rows);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            TextCheckLog.Failed(logger, ex);
        }
    }

    private async Task<(long Found, long Read)> CheckAsync(DbConnection connection, StoredTextColumn column, CancellationToken cancellationToken)
    {
        long found = 0, read = 0;
        await using var command = connection.CreateCommand();
        command.CommandText = column.Select;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = reader.FieldCount - 1;
        while (await reader.ReadAsync(cancellationToken))
        {
            read++;
            if (reader.IsDBNull(keys)) continue;
            if (column.Problem(reader.GetString(keys)) is not { } problem) continue;
            if (++found <= ListedPerColumn)
                TextCheckLog.Finding(logger, column.Table, RowOf(reader, keys), column.Column, problem, column.Rule);
        }
        if (found > ListedPerColumn) TextCheckLog.MoreFindings(logger, column.Table, column.Column, found - ListedPerColumn);
        return (found, read);
    }

    /// <summary>Members without the look-alike key every handle has now, or with one that is not their handle's.</summary>
    private async Task<long> CheckHandleKeysAsync(DbConnection connection)
    {
        var members = (await connection.QueryAsync<(string Id, string Handle, string? HandleKey)>("SELECT id, handle, handle_key FROM members")).ToArray();
        var holders = members.Where(m => m.HandleKey is not null).GroupBy(m => m.HandleKey!).ToDictionary(g => g.Key, g => g.First().Id);
        long found = 0;
        foreach (var (id, handle, key) in members)
        {
            var expected = Handles.KeyOf(handle);
            var problem = key is null
                ? holders.TryGetValue(expected, out var holder) ? $"the handle looks like the handle of member {holder}, who has it" : "the handle has no look-alike key"
                : key != expected ? "the look-alike key is not the handle's" : null;
            if (problem is null) continue;
            if (++found <= ListedPerColumn) TextCheckLog.Finding(logger, "members", id, "handle_key", problem, Handles.Rule);
        }
        if (found > ListedPerColumn) TextCheckLog.MoreFindings(logger, "members", "handle_key", found - ListedPerColumn);
        return found;
    }

    private static string RowOf(DbDataReader reader, int keys) =>
        string.Join(" ", Enumerable.Range(0, keys).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
}
