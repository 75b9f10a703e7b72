using System.Data.Common;
using Community.Grains.Meetups;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

/// <summary>Meetups, their RSVPs, and whether each one's reminder went out.</summary>
internal sealed class MeetupStore(IDbConnectionFactory database, ISqlDialect sql) : IMeetupStore
{
    public async Task AddAsync(Meetup meetup, string createdBy, DateTimeOffset createdAt)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO meetups (id, room_id, title, starts_at, duration_minutes, location, created_by, created_at,
                time_zone, local_start, repeat_rule, exceptions, ends_at)
            VALUES (@Id, @RoomId, @Title, @startsAt, @DurationMinutes, @Location, @createdBy, @createdAt,
                @TimeZone, @LocalStart, @repeatRule, @exceptions, @endsAt)
            """,
            new { meetup.Id, meetup.RoomId, meetup.Title, startsAt = StoredValues.Time(meetup.StartsAt), meetup.DurationMinutes, meetup.Location,
                createdBy, createdAt = StoredValues.Time(createdAt), meetup.TimeZone, meetup.LocalStart, repeatRule = RepeatRule(meetup),
                exceptions = StoredValues.List(meetup.Exceptions ?? []), endsAt = StoredValues.Time(MeetupSchedule.EndOf(meetup)) });
    }

    public async Task UpdateScheduleAsync(Meetup meetup)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            UPDATE meetups SET starts_at = @startsAt, local_start = @LocalStart, repeat_rule = @repeatRule, exceptions = @exceptions, ends_at = @endsAt
            WHERE id = @Id
            """,
            new { meetup.Id, startsAt = StoredValues.Time(meetup.StartsAt), meetup.LocalStart, repeatRule = RepeatRule(meetup),
                exceptions = StoredValues.List(meetup.Exceptions ?? []), endsAt = StoredValues.Time(MeetupSchedule.EndOf(meetup)) });
    }

    public async Task<bool> ClaimOccurrenceReminderAsync(string meetupId, string occurrence, DateTimeOffset at)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(
            """
            INSERT INTO meetup_occurrence_reminders (meetup_id, occurrence, sent_at) VALUES (@meetupId, @occurrence, @at)
            ON CONFLICT (meetup_id, occurrence) DO NOTHING
            """, new { meetupId, occurrence, at = StoredValues.Time(at) }) == 1;
    }

    private static string? RepeatRule(Meetup meetup) =>
        meetup.Repeat is null ? null : System.Text.Json.JsonSerializer.Serialize(meetup.Repeat, MeetupRow.Json);

    public async Task<Meetup?> GetAsync(string roomId, string meetupId)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<MeetupRow>(
            $"SELECT {MeetupRow.Columns} FROM meetups WHERE id = @meetupId AND room_id = @roomId", new { roomId, meetupId });
        return row is null ? null : (await WithRsvpsAsync(connection, [row]))[0];
    }

    public async Task<IReadOnlyList<Meetup>> ListAsync(string roomId, DateTimeOffset? upcomingAt)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<MeetupRow>(
            $"""
            SELECT {MeetupRow.Columns} FROM meetups
            WHERE room_id = @roomId AND (CAST(@now AS bigint) IS NULL OR ends_at IS NULL OR ends_at > @now)
            ORDER BY starts_at, id
            """, new { roomId, now = StoredValues.Time(upcomingAt) });
        return await WithRsvpsAsync(connection, rows.ToArray());
    }

    public async Task SetRsvpAsync(string meetupId, string memberId, string response, DateTimeOffset at)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO meetup_rsvps (meetup_id, member_id, response, responded_at) VALUES (@meetupId, @memberId, @response, @at)
            ON CONFLICT (meetup_id, member_id) DO UPDATE SET response = excluded.response, responded_at = excluded.responded_at
            """, new { meetupId, memberId, response, at = StoredValues.Time(at) });
    }

    public async Task<bool> ClaimReminderAsync(string meetupId, DateTimeOffset at)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync("UPDATE meetups SET reminder_sent_at = @at WHERE id = @meetupId AND reminder_sent_at IS NULL",
            new { meetupId, at = StoredValues.Time(at) }) == 1;
    }

    private async Task<IReadOnlyList<Meetup>> WithRsvpsAsync(DbConnection connection, IReadOnlyList<MeetupRow> rows)
    {
        if (rows.Count == 0) return [];
        var rsvps = (await connection.QueryAsync<(string MeetupId, string MemberId, string Response)>(
                $"SELECT meetup_id, member_id, response FROM meetup_rsvps WHERE {sql.InList("meetup_id", "@ids")} ORDER BY responded_at, member_id",
                new { ids = rows.Select(r => r.Id).ToArray() }))
            .ToLookup(r => r.MeetupId, r => new Rsvp(r.MemberId, r.Response));
        return rows.Select(r => r.ToMeetup(rsvps[r.Id].ToArray())).ToArray();
    }
}
