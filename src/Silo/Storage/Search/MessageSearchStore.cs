using Community.Grains.Search;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage.Search;

/// <summary>
/// Message search: the provider's index finds the matching messages, newest first; the rest of the
/// query keeps those of rooms the member belongs to now and reads each hit's message and room.
/// </summary>
internal abstract class MessageSearchStore(IDbConnectionFactory database) : IMessageSearchStore
{
    public async Task<IReadOnlyList<MessageSearchHit>> SearchAsync(MessageSearch search)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<HitRow>(
            $"""
            {HitsFrom}
            JOIN room_members rm ON rm.room_id = s.room_id AND rm.member_id = @memberId
            JOIN messages m ON m.room_id = s.room_id AND m.seq = s.seq
            JOIN rooms r ON r.id = s.room_id
            WHERE {Matches} AND s.id < @before AND m.text IS NOT NULL
            {(search.RoomId is null ? "" : "AND s.room_id = @roomId")}
            {(search.SenderId is null ? "" : "AND m.sender_id = @senderId")}
            ORDER BY s.id DESC LIMIT @limit
            """,
            new
            {
                memberId = search.MemberId, match = Match(search.Query), before = search.Before ?? long.MaxValue,
                roomId = search.RoomId, senderId = search.SenderId, limit = search.Limit,
            });
        return rows.Select(r => new MessageSearchHit(r.id, r.room_id, r.kind, r.name, r.seq, r.sender_id,
            StoredValues.Time(r.sent_at), StoredValues.Time(r.edited_at), r.text)).ToArray();
    }

    /// <summary>The FROM clause that names the index rows <c>s</c> (with <c>id</c>, <c>room_id</c> and <c>seq</c>).</summary>
    protected abstract string HitsFrom { get; }

    /// <summary>The condition that <c>s</c> matches the <c>@match</c> parameter.</summary>
    protected abstract string Matches { get; }

    /// <summary>The query in the index's own query language.</summary>
    protected abstract string Match(MessageSearchQuery query);

    private sealed class HitRow
    {
        public long id { get; set; }
        public string room_id { get; set; } = "";
        public string kind { get; set; } = "";
        public string name { get; set; } = "";
        public long seq { get; set; }
        public string sender_id { get; set; } = "";
        public long sent_at { get; set; }
        public long? edited_at { get; set; }
        public string text { get; set; } = "";
    }
}
