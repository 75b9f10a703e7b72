using Community.Silo.Storage;
using Community.Silo.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteBusyPollingTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private SqliteStorage _storage = null!;

    public async Task InitializeAsync() => _storage = (SqliteStorage)await SqliteStorage.CreateAsync();

    public async Task DisposeAsync() => await _storage.DisposeAsync().AsTask().WaitAsync(Timeout);

    [Fact]
    public async Task A_commit_that_finds_the_write_lock_held_waits_for_it_and_lands_after_the_holder()
    {
        await using var holder = await _storage.Database.OpenAsync();
        await using var hold = holder.CreateCommand();
        hold.CommandText = "CREATE TABLE held (n INTEGER); BEGIN IMMEDIATE; INSERT INTO held VALUES (1);";
        await hold.ExecuteNonQueryAsync();

        var waiting = Task.Run(() =>
        {
            using var writer = _storage.Database.Open();
            using var write = writer.CreateCommand();
            write.CommandText = "INSERT INTO held VALUES (2);";
            write.ExecuteNonQuery();
        });
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted, "the second writer waits while the lock is held");

        await using (var commit = holder.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
        }
        await waiting.WaitAsync(Timeout);

        await using var read = holder.CreateCommand();
        read.CommandText = "SELECT group_concat(n) FROM (SELECT n FROM held ORDER BY rowid)";
        Assert.Equal("1,2", await read.ExecuteScalarAsync());
    }
}
