using Community.Silo.Storage;
using Community.Tests.Support;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Community.Tests.Silo.Storage.TextCheck;

/// <summary>
/// Data stored under older, laxer rules is found at start-up, after the migrations, and reported
/// in the log by table, row, column and rule; nothing is changed. On both stores.
/// </summary>
public sealed class StoredTextCheckTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string _dataPath = CommunityNode.NewDataPath();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        CommunityNode.DeleteData(_dataPath);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Stored_text_that_breaks_the_rules_is_reported_by_row_column_and_rule_and_left_as_it_is()
    {
        string first, lookAlike, roomId;
        await using (var node = await StartAsync(new CapturingLoggerProvider(), waitForCheck: true))
        {
            var network = new Network(node);
            first = (await network.JoinAsync("lknl", "First")).Id;
            lookAlike = (await network.JoinAsync("look.alike", "Second")).Id;
            var owner = await network.JoinAsync("room.owner");
            roomId = await Steps.RoomWithAsync(owner);
            await using (var hub = await node.ConnectAsync(owner)) await hub.SendTextAsync(roomId, "plain");
            // What the earlier rules let in, written as they would have stored it.
            await using var connection = await node.GetRequiredService<IDbConnectionFactory>().OpenAsync();
            await connection.ExecuteAsync("UPDATE members SET display_name = @name, handle = @handle WHERE id = @first",
                new { name = "Bell\u0007", handle = "lknl\n", first });
            await connection.ExecuteAsync("UPDATE members SET handle = '1knl', handle_key = NULL WHERE id = @lookAlike", new { lookAlike });
            await connection.ExecuteAsync("UPDATE rooms SET topic = @topic WHERE id = @roomId", new { topic = "red\u001B[31m", roomId });
            await connection.ExecuteAsync("UPDATE messages SET text = @text WHERE room_id = @roomId", new { text = "q" + new string('\u0301', 50), roomId });
            await connection.ExecuteAsync("DELETE FROM text_checks");
        }
        var capture = new CapturingLoggerProvider();

        await using var restarted = await StartAsync(capture, waitForCheck: true);

        var findings = capture.Lines.Where(line => line.Contains("Stored text breaks its rule:", StringComparison.Ordinal)).ToArray();
        AssertReported(findings, $"members row {first}, column display_name", "must not contain control characters", "text rule `name`");
        AssertReported(findings, $"members row {first}, column handle", "must be a single line", "text rule `handle`");
        AssertReported(findings, $"members row {first}, column handle_key", "the look-alike key is not the handle's", "text rule `handle`");
        AssertReported(findings, $"members row {lookAlike}, column handle_key", $"looks like the handle of member {first}", "text rule `handle`");
        AssertReported(findings, $"rooms row {roomId}, column topic", "must not contain control characters", "text rule `line`");
        AssertReported(findings, $"messages row {roomId} 1, column text", "combining marks", "text rule `text`");
        Assert.Equal(6, findings.Length);
        await using var read = await restarted.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        Assert.Equal("Bell\u0007", await read.ExecuteScalarAsync<string>("SELECT display_name FROM members WHERE id = @first", new { first }));
        Assert.Equal("lknl\n", await read.ExecuteScalarAsync<string>("SELECT handle FROM members WHERE id = @first", new { first }));
        Assert.Equal("red\u001B[31m", await read.ExecuteScalarAsync<string>("SELECT topic FROM rooms WHERE id = @roomId", new { roomId }));
    }

    [Fact]
    public async Task The_check_runs_once_per_version_of_the_rules()
    {
        await using (await StartAsync(new CapturingLoggerProvider(), waitForCheck: true))
        {
        }
        var capture = new CapturingLoggerProvider();

        await using var restarted = await StartAsync(capture, waitForCheck: false);

        await capture.WaitForAsync(line => line.Contains("not read again", StringComparison.Ordinal), Timeout);
        await using var read = await restarted.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        Assert.Equal(1, await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM text_checks"));
        Assert.DoesNotContain(capture.Lines, line => line.Contains("Checked stored text", StringComparison.Ordinal));
    }

    /// <summary>A node on the test's data, logging into <paramref name="capture"/>; once it has checked the stored text, when asked to wait.</summary>
    private async Task<CommunityNode> StartAsync(CapturingLoggerProvider capture, bool waitForCheck)
    {
        var node = await CommunityNode.StartAsync(_dataPath,
            settings: new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" },
            configure: builder => builder.Logging.AddProvider(capture));
        if (waitForCheck)
            await capture.WaitForAsync(line => line.Contains("Checked stored text against the text rules", StringComparison.Ordinal), Timeout);
        return node;
    }

    private static void AssertReported(string[] findings, string where, string problem, string rule) =>
        Assert.True(findings.Any(f => f.Contains(where, StringComparison.Ordinal) && f.Contains(problem, StringComparison.Ordinal) && f.Contains(rule, StringComparison.Ordinal)),
            $"expected a finding at '{where}' saying '{problem}' under {rule}; found:\n{string.Join('\n', findings)}");
}
