using System.Data.Common;
using Community.Grains.Audit;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

/// <summary>
/// Rooms, their members and mutes. Where a provider keeps a room's folded search text in a column
/// (<see cref="SearchTextColumn"/>) it is written with the name and topic; discovery matches with <see cref="Matches"/>.
/// </summary>
internal abstract class RoomStore(IDbConnectionFactory database, ISqlDialect sql) : IRoomStore
{
    public async Task<RoomSnapshot?> LoadAsync(string roomId)
    {
        await using var connection = await database.OpenAsync();
        var room = await connection.QuerySingleOrDefaultAsync<RoomRow>($"SELECT {RoomRow.Columns} FROM rooms r WHERE r.id = @roomId", new { roomId });
        if (room is null) return null;
        var members = await connection.QueryAsync<RoomMemberRow>(
            "SELECT room_id, member_id, role, joined_at, read_seq, notifications_muted_until FROM room_members WHERE room_id = @roomId", new { roomId });
        var mutes = await connection.QueryAsync<(string MemberId, long Until)>(
            "SELECT member_id, until FROM room_mutes WHERE room_id = @roomId", new { roomId });
        return new RoomSnapshot(room.ToInfo(), members.Select(m => m.ToMember()).ToArray(),
            mutes.ToDictionary(m => m.MemberId, m => StoredValues.Time(m.Until)));
    }

    public async Task<bool> CreateAsync(RoomInfo info, IReadOnlyList<RoomMember> members)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var (column, value) = SearchTextColumn is null ? ("", "") : ($", {SearchTextColumn}", ", @searchText");
        var created = await connection.ExecuteAsync(
            $"""
            INSERT INTO rooms (id, kind, name, topic, visibility, created_by, created_at, last_seq, last_activity, version{column})
            VALUES (@Id, @Kind, @Name, @Topic, @Visibility, @CreatedBy, @createdAt, @LastSeq, @createdAt, 1{value})
            ON CONFLICT (id) DO NOTHING
            """,
            new
            {
                info.Id, info.Kind, info.Name, info.Topic, info.Visibility, info.CreatedBy, createdAt = StoredValues.Time(info.CreatedAt),
                info.LastSeq, searchText = RoomSearchText.Of(info.Name, info.Topic),
            }, transaction);
        if (created == 0) return false;
        foreach (var member in members) await InsertMemberAsync(connection, transaction, member);
        await transaction.CommitAsync();
        return true;
    }

    public async Task UpdateInfoAsync(RoomInfo info)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            $"UPDATE rooms SET name = @Name, topic = @Topic{(SearchTextColumn is null ? "" : $", {SearchTextColumn} = @searchText")} WHERE id = @Id",
            new { info.Name, info.Topic, searchText = RoomSearchText.Of(info.Name, info.Topic), info.Id });
    }

    public async Task SetNoticeAsync(string roomId, RoomNotice? notice)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "UPDATE rooms SET notice_text = @text, notice_set_by = @setBy, notice_set_at = @setAt WHERE id = @roomId",
            new { text = notice?.Text, setBy = notice?.SetBy, setAt = notice is null ? (long?)null : StoredValues.Time(notice.SetAt), roomId });
    }

    public async Task AddMemberAsync(RoomMember member)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO room_members (room_id, member_id, role, joined_at, read_seq) VALUES (@RoomId, @MemberId, @Role, @joinedAt, @ReadSeq) ON CONFLICT (room_id, member_id) DO NOTHING",
            new { member.RoomId, member.MemberId, member.Role, joinedAt = StoredValues.Time(member.JoinedAt), member.ReadSeq });
    }

    public async Task RemoveMemberAsync(string roomId, string memberId, AuditEntry? audit = null)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("DELETE FROM room_members WHERE room_id = @roomId AND member_id = @memberId", new { roomId, memberId }, transaction);
        await AuditLog.InsertIfAnyAsync(connection, transaction, audit);
        await transaction.CommitAsync();
    }

    public async Task<long> GetLastSeqAsync(string roomId)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long?>("SELECT last_seq FROM rooms WHERE id = @roomId", new { roomId }) ?? 0;
    }

    public async Task SetReadSeqAsync(string roomId, string memberId, long seq)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            $"UPDATE room_members SET read_seq = {sql.Greatest("read_seq", "@seq")} WHERE room_id = @roomId AND member_id = @memberId",
            new { roomId, memberId, seq });
    }

    public async Task SetNotificationsMutedUntilAsync(string roomId, string memberId, DateTimeOffset? until)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            "UPDATE room_members SET notifications_muted_until = @until WHERE room_id = @roomId AND member_id = @memberId",
            new { roomId, memberId, until = StoredValues.Time(until) });
    }

    public async Task<IReadOnlyList<string>> ListCoMemberIdsAsync(string memberId, string exceptRoomId)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>(
            """
            SELECT DISTINCT other.member_id FROM room_members mine
            JOIN room_members other ON other.room_id = mine.room_id
            WHERE mine.member_id = @memberId AND mine.room_id <> @exceptRoomId AND other.member_id <> @memberId
            """, new { memberId, exceptRoomId })).ToArray();
    }

    public async Task<IReadOnlyList<RoomListing>> ListForMemberAsync(string memberId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<RoomListingRow>(
            $"{RoomListingRow.Select} WHERE v.member_id IS NOT NULL ORDER BY r.last_activity DESC, r.id", new { viewerId = memberId });
        return rows.Select(r => r.ToListing(memberId)).ToArray();
    }

    public async Task<IReadOnlyList<RoomListing>> DiscoverAsync(string? query, string viewerId, int limit)
    {
        await using var connection = await database.OpenAsync();
        var folded = string.IsNullOrWhiteSpace(query) ? null : StoredValues.Folded(query.Trim());
        var rows = await connection.QueryAsync<RoomListingRow>(
            $"""
            {RoomListingRow.Select}
            WHERE r.visibility = 'public' AND r.kind IN ('room', 'meetup')
              AND (CAST(@folded AS text) IS NULL OR {Matches})
            ORDER BY r.last_activity DESC, r.id LIMIT @limit
            """, new { viewerId, folded, limit });
        return rows.Select(r => r.ToListing(viewerId)).ToArray();
    }

    /// <summary>The column that keeps a room's folded name and topic, or null where the provider keeps none.</summary>
    protected abstract string? SearchTextColumn { get; }

    /// <summary>The discovery predicate: room <c>r</c> holds the folded query <c>@folded</c>.</summary>
    protected abstract string Matches { get; }

    private static Task InsertMemberAsync(DbConnection connection, DbTransaction transaction, RoomMember member) =>
        connection.ExecuteAsync(
            "INSERT INTO room_members (room_id, member_id, role, joined_at, read_seq) VALUES (@RoomId, @MemberId, @Role, @joinedAt, @ReadSeq)",
            new { member.RoomId, member.MemberId, member.Role, joinedAt = StoredValues.Time(member.JoinedAt), member.ReadSeq }, transaction);
}
