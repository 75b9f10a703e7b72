using System.Data.Common;
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
        return await SearchAsync(connection, search, Match(search.Query));
    }

    /// <summary>The search on an open connection, <paramref name="match"/> being the query in the index's own language.</summary>
    protected abstract Task<IReadOnlyList<MessageSearchHit>> SearchAsync(DbConnection connection, MessageSearch search, string match);

    /// <summary>The query in the index's own query language.</summary>
    protected abstract string Match(MessageSearchQuery query);

    /// <summary>
    /// Up to <paramref name="limit"/> hits, newest first, from the index rows <c>s</c> (with <c>id</c>, <c>room_id</c>
    /// and <c>seq</c>) that <paramref name="from"/> names and <paramref name="condition"/> keeps (parameters <c>@match</c>
    /// and <c>@before</c> as given); only rooms the member belongs to, and the search's room and sender when given.
    /// <paramref name="join"/> joins the rest: SQLite's <c>CROSS JOIN</c> keeps the tables in the order written;
    /// <paramref name="order"/> is the column that orders the hits (the same value as <c>s.id</c>, as the index names it).
    /// </summary>
    protected static async Task<IReadOnlyList<MessageSearchHit>> HitsAsync(DbConnection connection, MessageSearch search, string from,
        string condition, string match, long before, int limit, object? more = null, DbTransaction? transaction = null, string join = "JOIN",
        string order = "s.id")
    {
        var parameters = new DynamicParameters(new
        {
            memberId = search.MemberId, match, before, roomId = search.RoomId, senderId = search.SenderId, limit,
        });
        if (more is not null) parameters.AddDynamicParams(more);
        var rows = await connection.QueryAsync<HitRow>(
            $"""
            SELECT s.id, s.room_id, r.kind, r.name, s.seq, m.sender_id, m.sent_at, m.edited_at, m.text
            {from}
            {join} room_members rm ON rm.room_id = s.room_id AND rm.member_id = @memberId
            {join} messages m ON m.room_id = s.room_id AND m.seq = s.seq
            {join} rooms r ON r.id = s.room_id
            WHERE {condition} AND m.text IS NOT NULL
            {(search.RoomId is null ? "" : "AND s.room_id = @roomId")}
            {(search.SenderId is null ? "" : "AND m.sender_id = @senderId")}
            ORDER BY {order} DESC LIMIT @limit
            """, parameters, transaction);
        return rows.Select(r => new MessageSearchHit(r.id, r.room_id, r.kind, r.name, r.seq, r.sender_id,
            StoredValues.Time(r.sent_at), StoredValues.Time(r.edited_at), r.text)).ToArray();
    }

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
