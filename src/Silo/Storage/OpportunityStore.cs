using System.Data.Common;
using Community.Grains.Opportunities;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

/// <summary>Opportunities and the interest in them; times as milliseconds (<see cref="StoredValues"/>).</summary>
internal sealed class OpportunityStore(IDbConnectionFactory database, ISqlDialect sql) : IOpportunityStore
{
    private const string Columns =
        "id, kind, title, location, remote, description, contact, closes_at, posted_by, posted_at, closed_at, interest_count, announced_seq";

    public async Task<bool> AddAsync(Opportunity o)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(
            $"""
            INSERT INTO opportunities ({Columns}, search_text)
            VALUES (@Id, @Kind, @Title, @Location, @Remote, @Description, @Contact, @closesAt, @PostedBy, @postedAt, @closedAt, @InterestCount,
                    @AnnouncedSeq, @searchText)
            ON CONFLICT (id) DO NOTHING
            """, Parameters(o)) == 1;
    }

    public async Task<Opportunity?> GetAsync(string id)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM opportunities WHERE id = @id", new { id });
        return row?.ToOpportunity();
    }

    public async Task<IReadOnlyList<Interest>> InterestsAsync(string id)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<InterestRow>(
            "SELECT member_id, note, at, contacted_at, dm_room_id FROM opportunity_interest WHERE opportunity_id = @id ORDER BY at DESC, member_id",
            new { id });
        return rows.Select(r => r.ToInterest()).ToArray();
    }

    public async Task UpdateAsync(Opportunity o)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            UPDATE opportunities SET kind = @Kind, title = @Title, location = @Location, remote = @Remote, description = @Description,
                contact = @Contact, closes_at = @closesAt, closed_at = @closedAt, announced_seq = @AnnouncedSeq, search_text = @searchText
            WHERE id = @Id
            """, Parameters(o));
    }

    public async Task SetInterestAsync(string id, Interest interest, int interestCount)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO opportunity_interest (opportunity_id, member_id, note, at, contacted_at, dm_room_id)
            VALUES (@id, @MemberId, @Note, @at, @contactedAt, @DmRoomId)
            ON CONFLICT (opportunity_id, member_id) DO UPDATE SET note = excluded.note, contacted_at = excluded.contacted_at, dm_room_id = excluded.dm_room_id
            """,
            new { id, interest.MemberId, interest.Note, at = StoredValues.Time(interest.At), contactedAt = StoredValues.Time(interest.ContactedAt), interest.DmRoomId },
            transaction);
        await SetCountAsync(connection, transaction, id, interestCount);
        await transaction.CommitAsync();
    }

    public async Task RemoveInterestAsync(string id, string memberId, int interestCount)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("DELETE FROM opportunity_interest WHERE opportunity_id = @id AND member_id = @memberId", new { id, memberId }, transaction);
        await SetCountAsync(connection, transaction, id, interestCount);
        await transaction.CommitAsync();
    }

    public async Task<IReadOnlyList<(Opportunity Opportunity, Interest? Mine)>> ListAsync(OpportunityQuery query, string viewerId, int limit)
    {
        await using var connection = await database.OpenAsync();
        var open = "(o.closed_at IS NULL AND (o.closes_at IS NULL OR o.closes_at > @now))";
        var rows = await connection.QueryAsync<Row, InterestRow, (Row, InterestRow?)>(
            $"""
            SELECT {string.Join(", ", Columns.Split(", ").Select(c => "o." + c))}, i.member_id, i.note, i.at, i.contacted_at, i.dm_room_id
            FROM opportunities o
            LEFT JOIN opportunity_interest i ON i.opportunity_id = o.id AND i.member_id = @viewerId
            WHERE (CAST(@kind AS TEXT) IS NULL OR o.kind = @kind)
              AND {(query.Status == OpportunityStatuses.Open ? open : "NOT " + open)}
              AND (NOT @remoteOnly OR o.remote)
              AND (CAST(@text AS TEXT) IS NULL OR {sql.Contains("o.search_text", "@text")})
              AND (CAST(@beforeAt AS BIGINT) IS NULL OR o.posted_at < @beforeAt OR (o.posted_at = @beforeAt AND o.id < @beforeId))
            ORDER BY o.posted_at DESC, o.id DESC
            LIMIT @limit
            """,
            (row, interest) => (row, interest?.member_id is null ? null : interest),
            new
            {
                viewerId, kind = query.Kind, now = StoredValues.Time(query.Now), remoteOnly = query.RemoteOnly,
                text = query.Text is null ? null : StoredValues.Folded(query.Text),
                beforeAt = query.Before is { } b ? StoredValues.Time(b.PostedAt) : (long?)null, beforeId = query.Before?.Id ?? "", limit,
            },
            splitOn: "member_id");
        return rows.Select(r => (r.Item1.ToOpportunity(), r.Item2?.ToInterest())).ToArray();
    }

    public async Task<OpportunityStats> StatsAsync(DateTimeOffset now)
    {
        await using var connection = await database.OpenAsync();
        var (posted, open, interested, contacted) = await connection.QuerySingleAsync<(long, long, long, long)>(
            """
            SELECT
              (SELECT COUNT(*) FROM opportunities) AS posted,
              (SELECT COUNT(*) FROM opportunities WHERE closed_at IS NULL AND (closes_at IS NULL OR closes_at > @now)) AS open,
              (SELECT COUNT(*) FROM opportunity_interest) AS interested,
              (SELECT COUNT(*) FROM opportunity_interest WHERE contacted_at IS NOT NULL) AS contacted
            """, new { now = StoredValues.Time(now) });
        return new OpportunityStats((int)posted, (int)open, (int)interested, (int)contacted);
    }

    private static Task SetCountAsync(DbConnection connection, DbTransaction transaction, string id, int interestCount) =>
        connection.ExecuteAsync("UPDATE opportunities SET interest_count = @interestCount WHERE id = @id", new { id, interestCount }, transaction);

    private static object Parameters(Opportunity o) => new
    {
        o.Id, o.Kind, o.Title, o.Location, o.Remote, o.Description, o.Contact, closesAt = StoredValues.Time(o.ClosesAt), o.PostedBy,
        postedAt = StoredValues.Time(o.PostedAt), closedAt = StoredValues.Time(o.ClosedAt), o.InterestCount, o.AnnouncedSeq,
        searchText = StoredValues.Folded(string.Join('\n', o.Title, o.Location, o.Description)),
    };

    private sealed class Row
    {
        public string id { get; set; } = "";
        public string kind { get; set; } = "";
        public string title { get; set; } = "";
        public string location { get; set; } = "";
        public bool remote { get; set; }
        public string description { get; set; } = "";
        public string contact { get; set; } = "";
        public long? closes_at { get; set; }
        public string posted_by { get; set; } = "";
        public long posted_at { get; set; }
        public long? closed_at { get; set; }
        public int interest_count { get; set; }
        public long? announced_seq { get; set; }

        public Opportunity ToOpportunity() => new(id, kind, title, location, remote, description, contact, StoredValues.Time(closes_at), posted_by,
            StoredValues.Time(posted_at), StoredValues.Time(closed_at), interest_count, announced_seq);
    }

    private sealed class InterestRow
    {
        public string? member_id { get; set; }
        public string note { get; set; } = "";
        public long at { get; set; }
        public long? contacted_at { get; set; }
        public string? dm_room_id { get; set; }

        public Interest ToInterest() => new(member_id!, note, StoredValues.Time(at), StoredValues.Time(contacted_at), dm_room_id);
    }
}
