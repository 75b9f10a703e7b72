using Community.Silo.Storage;
using Community.Silo.Storage.Sqlite;
using Community.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Community.Tests.Silo.Storage.Sqlite;

/// <summary>The message search index's segments merged in the background, in steps, rather than inside a room's commit.</summary>
public sealed class SqliteSearchMergerTests : StorageContract
{
    private const int Messages = 120;

    protected override Task<IStorageUnderTest> CreateStoresAsync() => SqliteStorage.CreateAsync();

    private SqliteDatabase Database => ((SqliteStorage)Stores).Database;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await AddMemberAsync("m_a", "alice");
        await AddRoomAsync("r_1", ["m_a"]);
    }

    [Fact]
    public async Task The_schema_turns_the_search_index_merging_inside_commits_off()
    {
        await using var connection = await Database.OpenAsync();
        await using var setting = connection.CreateCommand();
        setting.CommandText = "SELECT v FROM message_search_fts_config WHERE k = 'automerge'";
        Assert.Equal(0L, await setting.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Merge_steps_merge_the_segments_of_single_appends_until_none_are_left_and_every_message_is_still_found()
    {
        await AppendOneAtATimeAsync();
        await using var connection = await Database.OpenAsync();

        Assert.True(SqliteSearchMerger.MergeStep(connection, pages: 64, metrics: null), "segments to merge");
        var steps = 1;
        while (SqliteSearchMerger.MergeStep(connection, pages: 64, metrics: null))
            Assert.True(++steps < 200, "merging ends");

        Assert.Equal(Messages, await CountMatchesAsync(connection, "lunch"));
        Assert.Equal(1, await CountMatchesAsync(connection, "w77"));
        await using var check = connection.CreateCommand();
        check.CommandText = "INSERT INTO message_search_fts (message_search_fts, rank) VALUES ('integrity-check', 0)";
        await check.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_merger_merges_what_appends_left_and_times_each_step()
    {
        await AppendOneAtATimeAsync();
        var merger = new SqliteSearchMerger(Database,
            Options.Create(new SqliteSearchMergeOptions { Interval = TimeSpan.FromMilliseconds(20), PauseBetweenSteps = TimeSpan.FromMilliseconds(1) }),
            new StorageMetrics(Stores.Meters.Factory), NullLogger<SqliteSearchMerger>.Instance);
        await Task.Run(() => merger.StartAsync(CancellationToken.None));
        try
        {
            await Eventually.TrueAsync(() => Stores.Meters.Measurements(StorageMetrics.SqliteSearchMerge).Count > 0, Timeout, "a merge step timed");
            await using var connection = await Database.OpenAsync();
            await Eventually.TrueAsync(() => !SqliteSearchMerger.MergeStep(connection, 1, null),
                Timeout, "nothing left to merge");
            Assert.Equal(Messages, await CountMatchesAsync(connection, "lunch"));
        }
        finally
        {
            await merger.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Each message in a commit of its own, as a quiet room writes them: one small segment each.</summary>
    private async Task AppendOneAtATimeAsync()
    {
        for (var seq = 1; seq <= Messages; seq++)
            await Stores.Messages.AppendAsync([Message("r_1", seq, "m_a", $"lunch w{seq}")]).WaitAsync(Timeout);
    }

    private static async Task<long> CountMatchesAsync(SqliteConnection connection, string token)
    {
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT count(*) FROM message_search_fts WHERE message_search_fts MATCH $token";
        query.Parameters.AddWithValue("$token", $"\"{token}\"");
        return (long)(await query.ExecuteScalarAsync())!;
    }
}
