using Community.Grains.Mail;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

internal sealed class MailOutboxStore(IDbConnectionFactory database) : IMailOutboxStore
{
    private const string MailColumns =
        "mail_key AS Key, kind AS Kind, member_id AS MemberId, recipient AS Recipient, subject AS Subject, body AS Body, " +
        "unsubscribe_url AS UnsubscribeUrl, attempts AS Attempts";

    private const string EntryColumns =
        "mail_key AS Key, kind AS Kind, member_id AS MemberId, recipient AS Recipient, created_at AS CreatedAt, attempts AS Attempts, " +
        "next_attempt_at AS NextAttemptAt, sent_at AS SentAt, last_error AS LastError";

    public async Task<int> EnqueueAsync(IReadOnlyList<OutboxMail> mails, DateTimeOffset now)
    {
        if (mails.Count == 0) return 0;
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var at = StoredValues.Time(now);
        var added = await connection.ExecuteAsync(
            """
            INSERT INTO mail_outbox (mail_key, kind, member_id, recipient, subject, body, unsubscribe_url, created_at, attempts, next_attempt_at)
            VALUES (@Key, @Kind, @MemberId, @Recipient, @Subject, @Body, @UnsubscribeUrl, @at, 0, @at)
            ON CONFLICT (mail_key) DO NOTHING
            """,
            mails.Select(m => new { m.Key, m.Kind, m.MemberId, m.Recipient, m.Subject, m.Body, m.UnsubscribeUrl, at }),
            transaction);
        await transaction.CommitAsync();
        return added;
    }

    public async Task<IReadOnlyList<ClaimedMail>> ClaimAsync(string nodeId, DateTimeOffset now, DateTimeOffset leaseUntil, int limit)
    {
        await using var connection = await database.OpenAsync();
        // The outer test repeats the inner one: a row another node leased meanwhile is left to it.
        var rows = await connection.QueryAsync<MailRow>(
            $"""
            UPDATE mail_outbox SET lease_until = @leaseUntil, leased_by = @nodeId
            WHERE mail_key IN (
                    SELECT mail_key FROM mail_outbox
                    WHERE sent_at IS NULL AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
                    ORDER BY next_attempt_at, mail_key LIMIT @limit)
                AND sent_at IS NULL AND (lease_until IS NULL OR lease_until <= @now)
            RETURNING {MailColumns}
            """,
            new { nodeId, now = StoredValues.Time(now), leaseUntil = StoredValues.Time(leaseUntil), limit });
        return rows.Select(r => new ClaimedMail(new OutboxMail(r.Key, r.Kind, r.MemberId, r.Recipient, r.Subject, r.Body, r.UnsubscribeUrl), (int)r.Attempts)).ToArray();
    }

    public async Task MarkSentAsync(string key, string nodeId, DateTimeOffset sentAt)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "UPDATE mail_outbox SET sent_at = @sentAt, lease_until = NULL, last_error = NULL WHERE mail_key = @key AND sent_at IS NULL",
            new { key, sentAt = StoredValues.Time(sentAt) });
    }

    public async Task MarkFailedAsync(string key, string nodeId, string error, DateTimeOffset nextAttemptAt)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            UPDATE mail_outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @nextAttemptAt, lease_until = NULL, leased_by = NULL
            WHERE mail_key = @key AND sent_at IS NULL AND leased_by = @nodeId
            """,
            new { key, nodeId, error, nextAttemptAt = StoredValues.Time(nextAttemptAt) });
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(bool pendingOnly, int limit)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<EntryRow>(
            $"SELECT {EntryColumns} FROM mail_outbox {(pendingOnly ? "WHERE sent_at IS NULL" : "")} ORDER BY created_at DESC, mail_key LIMIT @limit",
            new { limit });
        return rows.Select(r => new OutboxEntry(r.Key, r.Kind, r.MemberId, r.Recipient, StoredValues.Time(r.CreatedAt), (int)r.Attempts,
            StoredValues.Time(r.NextAttemptAt), StoredValues.Time(r.SentAt), r.LastError)).ToArray();
    }

    public async Task<string> LinkKeyAsync()
    {
        await using var connection = await database.OpenAsync();
        return await connection.QuerySingleAsync<string>("SELECT link_key FROM mail_link_key WHERE id = 1");
    }

    private sealed class MailRow
    {
        public string Key { get; set; } = "";
        public string Kind { get; set; } = "";
        public string MemberId { get; set; } = "";
        public string Recipient { get; set; } = "";
        public string Subject { get; set; } = "";
        public string Body { get; set; } = "";
        public string? UnsubscribeUrl { get; set; }
        public long Attempts { get; set; }
    }

    private sealed class EntryRow
    {
        public string Key { get; set; } = "";
        public string Kind { get; set; } = "";
        public string MemberId { get; set; } = "";
        public string Recipient { get; set; } = "";
        public long CreatedAt { get; set; }
        public long Attempts { get; set; }
        public long NextAttemptAt { get; set; }
        public long? SentAt { get; set; }
        public string? LastError { get; set; }
    }
}
