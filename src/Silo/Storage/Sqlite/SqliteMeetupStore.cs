using System.Data.Common;
using Community.Grains.Meetups;
using Dapper;

namespace Community.Silo.Storage.Sqlite;

internal sealed class SqliteMeetupStore(SqliteDatabase database) : MeetupStore(database, SqliteDialect.Instance)
{
    protected override async Task<IReadOnlyList<DueReminder>> ClaimAsync(DbConnection connection, DateTimeOffset now, TimeSpan lead)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        var due = (await connection.QueryAsync<MeetupRow>(
            $"SELECT {MeetupRow.Columns} FROM meetups WHERE reminder_sent_at IS NULL AND starts_at > @now AND starts_at <= @horizon",
            new { now = StoredValues.Time(now), horizon = StoredValues.Time(now + lead) }, transaction)).ToArray();
        var claimed = new List<DueReminder>();
        foreach (var meetup in due)
        {
            var marked = await connection.ExecuteAsync("UPDATE meetups SET reminder_sent_at = @now WHERE id = @Id AND reminder_sent_at IS NULL",
                new { now = StoredValues.Time(now), meetup.Id }, transaction);
            if (marked > 0) claimed.Add(meetup.ToReminder());
        }
        await transaction.CommitAsync();
        return claimed;
    }
}
