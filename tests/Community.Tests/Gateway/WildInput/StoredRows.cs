using System.Data.Common;
using System.Globalization;
using System.Text;
using Community.Silo.Storage;
using Community.Silo.Storage.TextCheck;
using Community.Tests.Support;

namespace Community.Tests.Gateway.WildInput;

/// <summary>
/// What a node has stored, read straight from its database: every row a client's call could
/// write, so that a refused call can be shown to have written nothing, and the text of every row,
/// so that an accepted one can be shown to have stored nothing the text rules refuse.
/// </summary>
internal static class StoredRows
{
    /// <summary>
    /// The tables of the network's data, less what moves by itself (presence, activity counts, reminders going out, a
    /// session's last use, which any request with its token may move).
    /// </summary>
    private static readonly string[] Queries =
    [
        "SELECT * FROM members", "SELECT * FROM invitations", "SELECT token_hash, member_id, created_at, revoked_at, session_id, device FROM tokens",
        "SELECT * FROM rooms", "SELECT * FROM room_members", "SELECT * FROM messages", "SELECT * FROM reactions", "SELECT id, name, removed_at FROM stamp_packs",
        "SELECT id, pack_id, label, etag FROM stamps", "SELECT id, room_id, title, starts_at, duration_minutes, location, created_by, time_zone, local_start, repeat_rule, exceptions, ends_at FROM meetups",
        "SELECT * FROM meetup_rsvps", "SELECT * FROM reports", "SELECT * FROM audit_log", "SELECT * FROM pins", "SELECT * FROM room_calendar_feeds",
        "SELECT * FROM member_mail", "SELECT mail_key, kind, member_id, recipient, subject, body, unsubscribe_url FROM mail_outbox",
        "SELECT * FROM opportunities", "SELECT * FROM opportunity_interest",
        "SELECT id, title, description, location, starts_at, duration_minutes, capacity, invited_tags, room_id, created_by FROM network_events",
        "SELECT * FROM network_event_rsvps", "SELECT * FROM network_event_attendance",
        "SELECT * FROM polls", "SELECT * FROM poll_votes", "SELECT * FROM surveys", "SELECT * FROM survey_respondents", "SELECT * FROM survey_answers",
    ];

    public static async Task<string> SnapshotAsync(CommunityNode node)
    {
        await using var connection = await node.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        var snapshot = new StringBuilder();
        foreach (var query in Queries)
        {
            var rows = new List<string>();
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(RowOf(reader));
            rows.Sort(StringComparer.Ordinal);
            snapshot.Append(query).Append('\n');
            foreach (var row in rows) snapshot.Append(row).Append('\n');
        }
        return snapshot.ToString();
    }

    /// <summary>Every stored value that breaks its text rule, as the start-up check words it.</summary>
    public static async Task<IReadOnlyList<string>> TextFindingsAsync(CommunityNode node)
    {
        await using var connection = await node.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        var findings = new List<string>();
        foreach (var column in StoredTextColumns.All)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = column.Select;
            await using var reader = await command.ExecuteReaderAsync();
            var keys = reader.FieldCount - 1;
            while (await reader.ReadAsync())
            {
                if (reader.IsDBNull(keys) || column.Problem(reader.GetString(keys)) is not { } problem) continue;
                findings.Add($"{column.Table}.{column.Column} of {RowOf(reader)}: {problem}");
            }
        }
        return findings;
    }

    private static string RowOf(DbDataReader reader) => string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅"
        : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)));
}
