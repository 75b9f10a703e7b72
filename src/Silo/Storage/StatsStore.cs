using Community.Grains.Rooms;
using Community.Grains.Stats;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

/// <summary>Network statistics; booleans are written and read so that SQLite's 0/1 and PostgreSQL's boolean both serve.</summary>
internal sealed class StatsStore(IDbConnectionFactory database) : IStatsStore
{
    public async Task RecordActivityAsync(DateOnly day, string memberId, bool posted)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO activity (day, member_id, posted) VALUES (@day, @memberId, @posted)
            ON CONFLICT (day, member_id) DO UPDATE SET posted = activity.posted OR excluded.posted
            """, new { day = StatsWindows.Day(day), memberId, posted });
    }

    public async Task<NetworkStats> GetAsync(DateOnly today, int topRooms)
    {
        var windows = new StatsWindows(today);
        await using var connection = await database.OpenAsync();
        var members = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM members");
        var active = await connection.QuerySingleAsync<(long Day, long Week, long Month, long Posters)>(
            """
            SELECT COUNT(DISTINCT CASE WHEN day = @today THEN member_id END),
                   COUNT(DISTINCT CASE WHEN day >= @weekStart THEN member_id END),
                   COUNT(DISTINCT member_id),
                   COUNT(DISTINCT CASE WHEN posted THEN member_id END)
            FROM activity WHERE day >= @monthStart AND day <= @today
            """, new { today = windows.Today, weekStart = windows.WeekStart, monthStart = windows.MonthStart });
        var messages = await connection.QuerySingleAsync<(long Day, long Week, long Month)>(
            """
            SELECT COUNT(CASE WHEN sent_at >= @dayFrom THEN 1 END), COUNT(CASE WHEN sent_at >= @weekFrom THEN 1 END), COUNT(*)
            FROM messages WHERE sent_at >= @monthFrom AND sent_at < @until
            """, new { dayFrom = windows.DayFrom, weekFrom = windows.WeekFrom, monthFrom = windows.MonthFrom, until = windows.Until });
        var top = await connection.QueryAsync<(string RoomId, string Name, long Messages)>(
            """
            SELECT m.room_id, r.name, COUNT(*) AS n FROM messages m JOIN rooms r ON r.id = m.room_id
            WHERE m.sent_at >= @monthFrom AND m.sent_at < @until AND r.kind <> @dm
            GROUP BY m.room_id, r.name ORDER BY n DESC, m.room_id LIMIT @topRooms
            """, new { monthFrom = windows.MonthFrom, until = windows.Until, dm = RoomKinds.Dm, topRooms });
        return new NetworkStats(members,
            new PeriodCounts((int)active.Day, (int)active.Week, (int)active.Month),
            new PosterCounts((int)active.Posters),
            new PeriodCounts((int)messages.Day, (int)messages.Week, (int)messages.Month),
            top.Select(t => new TopRoom(t.RoomId, t.Name, (int)t.Messages)).ToArray());
    }

    public async Task<BroadcastReach?> GetBroadcastReachAsync(long seq)
    {
        await using var connection = await database.OpenAsync();
        var reach = await connection.QueryAsync<(long Members, long Read, long Reacted)>(
            """
            SELECT (SELECT COUNT(*) FROM room_members WHERE room_id = @broadcast),
                   (SELECT COUNT(*) FROM room_members WHERE room_id = @broadcast AND read_seq >= @seq),
                   (SELECT COUNT(DISTINCT member_id) FROM reactions WHERE room_id = @broadcast AND seq = @seq)
            WHERE EXISTS (SELECT 1 FROM messages WHERE room_id = @broadcast AND seq = @seq) -- no row: no such broadcast
            """, new { broadcast = BroadcastChannel.Id, seq });
        return reach.Select(r => new BroadcastReach((int)r.Members, (int)r.Read, (int)r.Reacted)).SingleOrDefault();
    }
}
