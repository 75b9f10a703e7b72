using System.Text.Json;
using Community.Grains.Polls;
using Community.Grains.Storage;
using Dapper;

namespace Community.Silo.Storage;

/// <summary>Polls and each member's choices in them.</summary>
internal sealed class PollStore(IDbConnectionFactory database) : IPollStore
{
    public async Task<Poll> AddAsync(Poll poll)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO polls (id, room_id, seq, created_by, question, options, multiple, anonymous, closes_at, created_at)
            VALUES (@Id, @RoomId, @Seq, @CreatedBy, @Question, @options, @Multiple, @Anonymous, @closesAt, @createdAt)
            ON CONFLICT (room_id, seq) DO NOTHING
            """,
            new
            {
                poll.Id, poll.RoomId, poll.Seq, poll.CreatedBy, poll.Question, options = StoredValues.List(poll.Options), poll.Multiple, poll.Anonymous,
                closesAt = StoredValues.Time(poll.ClosesAt), createdAt = StoredValues.Time(poll.CreatedAt),
            });
        return (await connection.QuerySingleAsync<PollRow>(
            $"SELECT {PollRow.Columns} FROM polls WHERE room_id = @RoomId AND seq = @Seq", new { poll.RoomId, poll.Seq })).ToPoll();
    }

    public async Task<(Poll Poll, IReadOnlyDictionary<string, IReadOnlyList<int>> Votes)?> GetAsync(string pollId)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<PollRow>($"SELECT {PollRow.Columns} FROM polls WHERE id = @pollId", new { pollId });
        if (row is null) return null;
        var votes = await connection.QueryAsync<(string MemberId, string Choices)>(
            "SELECT member_id, choices FROM poll_votes WHERE poll_id = @pollId", new { pollId });
        return (row.ToPoll(), votes.ToDictionary(v => v.MemberId, v => (IReadOnlyList<int>)(JsonSerializer.Deserialize<int[]>(v.Choices) ?? [])));
    }

    public async Task<IReadOnlyList<string>> ListIdsAsync(string roomId, int limit)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>(
            "SELECT id FROM polls WHERE room_id = @roomId ORDER BY seq DESC LIMIT @limit", new { roomId, limit })).ToArray();
    }

    public async Task SetVoteAsync(string pollId, string memberId, IReadOnlyList<int> choices, DateTimeOffset at)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO poll_votes (poll_id, member_id, choices, voted_at) VALUES (@pollId, @memberId, @choices, @at)
            ON CONFLICT (poll_id, member_id) DO UPDATE SET choices = excluded.choices, voted_at = excluded.voted_at
            """,
            new { pollId, memberId, choices = JsonSerializer.Serialize(choices), at = StoredValues.Time(at) });
    }

    public async Task CloseAsync(string pollId, DateTimeOffset at)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("UPDATE polls SET closed_at = @at WHERE id = @pollId AND closed_at IS NULL", new { pollId, at = StoredValues.Time(at) });
    }
}
