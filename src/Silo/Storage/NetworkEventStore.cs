using Community.Grains.NetworkEvents;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

/// <summary>Network events, the answers to them, their reminders and who attended; times as milliseconds (<see cref="StoredValues"/>).</summary>
internal sealed class NetworkEventStore(IDbConnectionFactory database) : INetworkEventStore
{
    private const string Columns = "id, title, description, location, starts_at, duration_minutes, capacity, invited_tags, room_id, created_by, created_at";

    public async Task<bool> AddAsync(NetworkEvent e)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(
            $"""
            INSERT INTO network_events ({Columns})
            VALUES (@Id, @Title, @Description, @Location, @startsAt, @DurationMinutes, @Capacity, @invitedTags, @RoomId, @CreatedBy, @createdAt)
            ON CONFLICT (id) DO NOTHING
            """,
            new { e.Id, e.Title, e.Description, e.Location, startsAt = StoredValues.Time(e.StartsAt), e.DurationMinutes, e.Capacity,
                invitedTags = StoredValues.List(e.InvitedTags), e.RoomId, e.CreatedBy, createdAt = StoredValues.Time(e.CreatedAt) }) == 1;
    }

    public async Task<NetworkEvent?> GetAsync(string id)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM network_events WHERE id = @id", new { id }))?.ToEvent();
    }

    public async Task<IReadOnlyList<EventRsvp>> RsvpsAsync(string id)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string MemberId, string Status, long At)>(
            "SELECT member_id, status, at FROM network_event_rsvps WHERE event_id = @id ORDER BY at, member_id", new { id });
        return rows.Select(r => new EventRsvp(r.MemberId, r.Status, StoredValues.Time(r.At))).ToArray();
    }

    public async Task SetRsvpsAsync(string id, IReadOnlyList<EventRsvp> rsvps)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var rsvp in rsvps)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO network_event_rsvps (event_id, member_id, status, at) VALUES (@id, @MemberId, @Status, @at)
                ON CONFLICT (event_id, member_id) DO UPDATE SET status = excluded.status, at = excluded.at
                """, new { id, rsvp.MemberId, rsvp.Status, at = StoredValues.Time(rsvp.At) }, transaction);
        }
        await transaction.CommitAsync();
    }

    public async Task<IReadOnlyList<NetworkEvent>> ListAsync(DateTimeOffset? now)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<Row>(
            $"""
            SELECT {Columns} FROM network_events
            WHERE CAST(@now AS BIGINT) IS NULL OR starts_at + duration_minutes * 60000 > @now
            ORDER BY starts_at, id
            """, new { now = StoredValues.Time(now) });
        return rows.Select(r => r.ToEvent()).ToArray();
    }

    public async Task<bool> ClaimReminderAsync(string id, DateTimeOffset at)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync("UPDATE network_events SET reminder_sent_at = @at WHERE id = @id AND reminder_sent_at IS NULL",
            new { id, at = StoredValues.Time(at) }) == 1;
    }

    public async Task SetAttendanceAsync(string id, IReadOnlyList<string> memberIds, DateTimeOffset at)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("DELETE FROM network_event_attendance WHERE event_id = @id", new { id }, transaction);
        await connection.ExecuteAsync("INSERT INTO network_event_attendance (event_id, member_id, recorded_at) VALUES (@id, @memberId, @at)",
            memberIds.Select(memberId => new { id, memberId, at = StoredValues.Time(at) }), transaction);
        await transaction.CommitAsync();
    }

    public async Task<IReadOnlyList<string>> AttendanceAsync(string id)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT member_id FROM network_event_attendance WHERE event_id = @id ORDER BY member_id", new { id })).ToArray();
    }

    public async Task<EventStats> StatsAsync(DateTimeOffset now)
    {
        await using var connection = await database.OpenAsync();
        var (held, going, attended) = await connection.QuerySingleAsync<(long, long, long)>(
            """
            SELECT
              (SELECT COUNT(*) FROM network_events WHERE starts_at <= @now),
              (SELECT COUNT(*) FROM network_event_rsvps r JOIN network_events e ON e.id = r.event_id WHERE e.starts_at <= @now AND r.status = 'going'),
              (SELECT COUNT(*) FROM network_event_attendance)
            """, new { now = StoredValues.Time(now) });
        return new EventStats((int)held, (int)going, (int)attended);
    }

    private sealed class Row
    {
        public string id { get; set; } = "";
        public string title { get; set; } = "";
        public string description { get; set; } = "";
        public string location { get; set; } = "";
        public long starts_at { get; set; }
        public int duration_minutes { get; set; }
        public int? capacity { get; set; }
        public string invited_tags { get; set; } = "[]";
        public string room_id { get; set; } = "";
        public string created_by { get; set; } = "";
        public long created_at { get; set; }

        public NetworkEvent ToEvent() => new(id, title, description, location, StoredValues.Time(starts_at), duration_minutes, capacity,
            StoredValues.List(invited_tags), room_id, created_by, StoredValues.Time(created_at));
    }
}
