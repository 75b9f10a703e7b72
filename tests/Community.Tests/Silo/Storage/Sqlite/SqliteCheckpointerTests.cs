using Community.Grains.Members;
using Community.Silo.Storage.Sqlite;
using Community.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteCheckpointerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private SqliteStorage _storage = null!;

    public async Task InitializeAsync() => _storage = (SqliteStorage)await SqliteStorage.CreateAsync();

    public async Task DisposeAsync() => await _storage.DisposeAsync().AsTask().WaitAsync(Timeout);

    [Fact]
    public async Task No_commit_checkpoints_the_write_ahead_log_itself_when_checkpoints_run_in_the_background()
    {
        await using var connection = await _storage.Database.OpenAsync();
        await using var setting = connection.CreateCommand();
        setting.CommandText = "PRAGMA wal_autocheckpoint;";
        Assert.Equal(0L, await setting.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_background_checkpointer_copies_committed_writes_into_the_database_file()
    {
        var file = new FileInfo(_storage.Database.FilePath);
        // Settle whatever the migration left in the log, so that what follows is ours.
        await CheckpointAsync("TRUNCATE");
        file.Refresh();
        var before = file.LastWriteTimeUtc;
        for (var i = 0; i < 50; i++)
            Assert.True(await _storage.Members.CreateAsync(MemberProfile.New($"m_c{i}", $"ckpt{i}", $"Checkpoint {i}", MemberRoles.Alumnus, DateTimeOffset.UnixEpoch), "hash").WaitAsync(Timeout));
        file.Refresh();
        Assert.Equal(before, file.LastWriteTimeUtc);

        var checkpointer = new SqliteCheckpointer(_storage.Database,
            Options.Create(new SqliteCheckpointOptions { Interval = TimeSpan.FromMilliseconds(50) }), NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(() => { file.Refresh(); return file.LastWriteTimeUtc > before; }, Timeout, "a checkpoint writing the database file");
        }
        finally
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }
    }

    private async Task CheckpointAsync(string mode)
    {
        await using var connection = await _storage.Database.OpenAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await checkpoint.ExecuteNonQueryAsync();
    }
}
