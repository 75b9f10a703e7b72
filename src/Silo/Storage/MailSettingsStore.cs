using Community.Grains.Mail;
using Community.Grains.Messages;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

internal sealed class MailSettingsStore(IDbConnectionFactory database, ISqlDialect dialect) : IMailSettingsStore
{
    public async Task<MailSettings> GetAsync(string memberId)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<SettingsRow>(
            "SELECT address, digests, broadcast_mail, language FROM member_mail WHERE member_id = @memberId", new { memberId });
        return row is null ? MailSettings.Default : new MailSettings(row.address, row.digests, row.broadcast_mail, row.language);
    }

    public async Task SetAsync(string memberId, MailSettings settings)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO member_mail (member_id, address, digests, broadcast_mail, language) VALUES (@memberId, @Address, @Digests, @BroadcastMail, @Language)
            ON CONFLICT (member_id) DO UPDATE SET address = excluded.address, digests = excluded.digests,
                broadcast_mail = excluded.broadcast_mail, language = excluded.language
            """,
            new { memberId, settings.Address, settings.Digests, settings.BroadcastMail, settings.Language });
    }

    public async Task DeleteAsync(string memberId)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM member_mail WHERE member_id = @memberId", new { memberId });
    }

    public async Task<IReadOnlyList<DigestCandidate>> DigestCandidatesAsync(DateTimeOffset offlineSince)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<CandidateRow>(
            $"""
            SELECT mm.member_id AS MemberId, m.display_name AS DisplayName, mm.address AS Address, mm.language AS Language,
                (SELECT MAX(o.created_at) FROM mail_outbox o WHERE o.member_id = mm.member_id AND o.kind = '{MailKinds.Digest}') AS LastDigestAt
            FROM member_mail mm JOIN members m ON m.id = mm.member_id
            WHERE mm.address IS NOT NULL AND mm.digests = @yes AND m.suspended = @no AND m.former = @no
                AND NOT EXISTS (SELECT 1 FROM presence p WHERE p.member_id = mm.member_id)
                AND NOT EXISTS (SELECT 1 FROM tokens t WHERE t.member_id = mm.member_id AND t.last_seen_at > @offlineSince)
            ORDER BY mm.member_id
            """,
            new { yes = true, no = false, offlineSince = StoredValues.Time(offlineSince) });
        return rows.Select(r => new DigestCandidate(new MailRecipient(r.MemberId, r.DisplayName, r.Address, r.Language), StoredValues.Time(r.LastDigestAt))).ToArray();
    }

    public async Task<IReadOnlyList<MissedMessage>> MissedAsync(string memberId, DateTimeOffset after, int limit)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<MissedRow>(
            $"""
            SELECT m.room_id AS RoomId, r.kind AS RoomKind, r.name AS RoomName, m.seq AS Seq, s.display_name AS SenderName,
                m.text AS Text, m.sent_at AS SentAt
            FROM room_members rm
            JOIN rooms r ON r.id = rm.room_id
            JOIN messages m ON m.room_id = rm.room_id AND m.seq > rm.read_seq
            JOIN members s ON s.id = m.sender_id
            WHERE rm.member_id = @memberId AND m.sender_id <> @memberId AND m.deleted = @no AND m.sent_at > @after
                AND (r.kind = '{RoomKinds.Dm}' OR {dialect.Contains("m.mentions", "@mention")}
                    OR (r.kind <> '{RoomKinds.Broadcast}' AND {dialect.Contains("m.mentions", "@everyone")}))
            ORDER BY m.sent_at, m.room_id, m.seq
            LIMIT @limit
            """,
            new { memberId, no = false, after = StoredValues.Time(after), limit, mention = $"\"{memberId}\"", everyone = $"\"{RoomWideMentions.All}\"" });
        return rows.Select(r => new MissedMessage(r.RoomId, r.RoomKind, r.RoomName, r.Seq, r.SenderName, r.Text, StoredValues.Time(r.SentAt))).ToArray();
    }

    public async Task<IReadOnlyList<MailRecipient>> BroadcastRecipientsAsync()
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<RecipientRow>(
            """
            SELECT mm.member_id AS MemberId, m.display_name AS DisplayName, mm.address AS Address, mm.language AS Language
            FROM member_mail mm JOIN members m ON m.id = mm.member_id
            WHERE mm.address IS NOT NULL AND mm.broadcast_mail = @yes AND m.suspended = @no AND m.former = @no
            ORDER BY mm.member_id
            """,
            new { yes = true, no = false });
        return rows.Select(r => new MailRecipient(r.MemberId, r.DisplayName, r.Address, r.Language)).ToArray();
    }

    /// <summary>A <c>member_mail</c> row as read (flags are <c>bool</c>: SQLite's 0/1 and PostgreSQL's boolean both read into it).</summary>
    private sealed class SettingsRow
    {
        public string? address { get; set; }
        public bool digests { get; set; }
        public bool broadcast_mail { get; set; }
        public string? language { get; set; }
    }

    private class RecipientRow
    {
        public string MemberId { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Address { get; set; } = "";
        public string? Language { get; set; }
    }

    private sealed class CandidateRow : RecipientRow
    {
        public long? LastDigestAt { get; set; }
    }

    private sealed class MissedRow
    {
        public string RoomId { get; set; } = "";
        public string RoomKind { get; set; } = "";
        public string RoomName { get; set; } = "";
        public long Seq { get; set; }
        public string SenderName { get; set; } = "";
        public string? Text { get; set; }
        public long SentAt { get; set; }
    }
}
