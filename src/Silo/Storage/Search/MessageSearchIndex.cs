using System.Data.Common;
using Community.Grains.Messages;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Community.Silo.Storage.Search;

/// <summary>
/// Keeps the search index of the messages table, inside the caller's transaction: what enters with
/// an append, what an edit or deletion changes, and the messages stored before the index existed.
/// </summary>
internal abstract class MessageSearchIndex
{
    private const int BackfillBatch = 2000;

    /// <summary>Adds the text of newly appended messages.</summary>
    public Task IndexAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ChatMessage> messages)
    {
        var entries = messages.Select(SearchEntry.Of).Where(e => e.Indexed).ToArray();
        return entries.Length == 0 ? Task.CompletedTask : InsertAsync(connection, transaction, entries);
    }

    /// <summary>Replaces a message's indexed text with its text now: the old text leaves, the new enters; a tombstone leaves.</summary>
    public abstract Task ReindexAsync(DbConnection connection, DbTransaction transaction, ChatMessage message);

    /// <summary>Indexes the messages the migration left pending, in batches of one transaction each; returns how many.</summary>
    public async Task<long> BackfillAsync(DbConnection connection)
    {
        long indexed = 0;
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var pending = (await connection.QueryAsync<PendingRow>(
                $"""
                SELECT p.n, p.room_id, p.seq, m.text, m.deleted FROM message_search_pending p
                JOIN messages m ON m.room_id = p.room_id AND m.seq = p.seq
                ORDER BY p.n LIMIT {BackfillBatch}
                """, transaction: transaction)).ToArray();
            var last = await connection.ExecuteScalarAsync<long?>(
                $"SELECT MAX(n) FROM (SELECT n FROM message_search_pending ORDER BY n LIMIT {BackfillBatch}) AS batch", transaction: transaction);
            if (last is null) return indexed;
            var entries = pending.Select(p => SearchEntry.Of(p.room_id, p.seq, p.text, p.deleted)).Where(e => e.Indexed).ToArray();
            if (entries.Length > 0) await InsertAsync(connection, transaction, entries);
            await connection.ExecuteAsync("DELETE FROM message_search_pending WHERE n <= @last", new { last }, transaction);
            await transaction.CommitAsync();
            indexed += entries.Length;
        }
    }

    /// <summary>Adds entries that are not in the index yet, in the order given (their ids grow in it).</summary>
    protected abstract Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<SearchEntry> entries);

    private sealed class PendingRow
    {
        public long n { get; set; }
        public string room_id { get; set; } = "";
        public long seq { get; set; }
        public string? text { get; set; }
        public bool deleted { get; set; }
    }
}

internal static partial class MessageSearchLog
{
    [LoggerMessage(EventId = 220, Level = LogLevel.Information, Message = "Indexed {Count} stored messages for search in {Database}")]
    public static partial void Backfilled(ILogger logger, long count, string database);
}
