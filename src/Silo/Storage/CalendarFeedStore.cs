using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

/// <summary>Rooms' calendar feeds, one token hash per room.</summary>
internal sealed class CalendarFeedStore(IDbConnectionFactory database) : ICalendarFeedStore
{
    public async Task SetAsync(string roomId, string tokenHash, string createdBy, DateTimeOffset createdAt)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO room_calendar_feeds (room_id, token_hash, created_by, created_at) VALUES (@roomId, @tokenHash, @createdBy, @at)
            ON CONFLICT (room_id) DO UPDATE SET token_hash = excluded.token_hash, created_by = excluded.created_by, created_at = excluded.created_at
            """, new { roomId, tokenHash, createdBy, at = StoredValues.Time(createdAt) });
    }

    public async Task<bool> RevokeAsync(string roomId)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync("DELETE FROM room_calendar_feeds WHERE room_id = @roomId", new { roomId }) > 0;
    }

    public async Task<string?> RoomOfAsync(string tokenHash)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<string>("SELECT room_id FROM room_calendar_feeds WHERE token_hash = @tokenHash", new { tokenHash });
    }
}
