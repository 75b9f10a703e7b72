using Community.Grains.Pins;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

/// <summary>The <c>pins</c> table: one row a pinned message, the same SQL in every store.</summary>
internal sealed class PinStore(IDbConnectionFactory database, ISqlDialect sql) : IPinStore
{
    public async Task<IReadOnlyList<Pin>> ListAsync(string roomId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<PinRow>(
            "SELECT seq, pinned_by, pinned_at FROM pins WHERE room_id = @roomId ORDER BY pinned_at DESC, seq DESC", new { roomId });
        return rows.Select(r => r.ToPin()).ToArray();
    }

    public async Task<bool> AddAsync(string roomId, Pin pin)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(
            "INSERT INTO pins (room_id, seq, pinned_by, pinned_at) VALUES (@roomId, @Seq, @PinnedBy, @pinnedAt) ON CONFLICT DO NOTHING",
            new { roomId, pin.Seq, pin.PinnedBy, pinnedAt = StoredValues.Time(pin.PinnedAt) }) > 0;
    }

    public async Task<bool> RemoveAsync(string roomId, long seq)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync("DELETE FROM pins WHERE room_id = @roomId AND seq = @seq", new { roomId, seq }) > 0;
    }

    public async Task<IReadOnlyList<PinnedMessage>> ListWithMessagesAsync(string roomId, string viewerId)
    {
        await using var connection = await database.OpenAsync();
        var pins = (await connection.QueryAsync<PinRow>(
            "SELECT seq, pinned_by, pinned_at FROM pins WHERE room_id = @roomId ORDER BY pinned_at DESC, seq DESC", new { roomId })).ToArray();
        if (pins.Length == 0) return [];
        var messages = (await connection.QueryAsync<MessageRow>(
            $"SELECT {MessageRow.Columns} FROM messages WHERE room_id = @roomId AND seq IN (SELECT seq FROM pins WHERE room_id = @roomId) ORDER BY seq",
            new { roomId })).Select(r => r.ToMessage()).ToArray();
        var reactions = await connection.QueryAsync<ReactionCountRow>(
            $"""
            SELECT seq, reaction_key AS key, COUNT(*) AS count, {sql.AnyOf("member_id = @viewerId")} AS me FROM reactions
            WHERE room_id = @roomId AND seq IN (SELECT seq FROM pins WHERE room_id = @roomId)
            GROUP BY seq, reaction_key ORDER BY seq, MIN(created_at), reaction_key
            """, new { roomId, viewerId });
        var bySeq = ReactionCountRow.Attach(messages, reactions).ToDictionary(m => m.Seq);
        return pins.Where(p => bySeq.ContainsKey(p.seq))
            .Select(p => new PinnedMessage(bySeq[p.seq], p.pinned_by, StoredValues.Time(p.pinned_at))).ToArray();
    }
}
