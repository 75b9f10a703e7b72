using System.Data.Common;
using Community.Grains.Meetups;
using Dapper;

namespace Community.Silo.Storage.Postgres;

internal sealed class PostgresMeetupStore(PostgresDatabase database) : MeetupStore(database, PostgresDialect.Instance)
{
    // One statement claims and returns: a node that reaches a row another node is claiming waits
    // for it, then sees reminder_sent_at set and skips the row, so each reminder goes out once.
    protected override async Task<IReadOnlyList<DueReminder>> ClaimAsync(DbConnection connection, DateTimeOffset now, TimeSpan lead)
    {
        var claimed = await connection.QueryAsync<MeetupRow>(
            $"""
            UPDATE meetups SET reminder_sent_at = @now
            WHERE reminder_sent_at IS NULL AND starts_at > @now AND starts_at <= @horizon
            RETURNING {MeetupRow.Columns}
            """, new { now = StoredValues.Time(now), horizon = StoredValues.Time(now + lead) });
        return claimed.OrderBy(m => m.StartsAt).ThenBy(m => m.Id, StringComparer.Ordinal).Select(m => m.ToReminder()).ToArray();
    }
}
