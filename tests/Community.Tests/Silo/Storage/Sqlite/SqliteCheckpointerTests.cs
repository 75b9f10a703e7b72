using Community.Grains.Members;
using Community.Silo.Storage;
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
    public async Task The_background_checkpointer_copies_committed_writes_into_the_database_file_and_records_its_time()
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
            Options.Create(new SqliteCheckpointOptions { Interval = TimeSpan.FromMilliseconds(50) }), new StorageMetrics(_storage.Meters.Factory),
            NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(() => { file.Refresh(); return file.LastWriteTimeUtc > before; }, Timeout, "a checkpoint writing the database file");
            await Eventually.TrueAsync(() => _storage.Meters.Measurements(StorageMetrics.SqliteCheckpoint).Count > 0, Timeout, "the checkpoint's time on the storage meter");
        }
        finally
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Under_a_steady_stream_of_commits_a_restart_checkpoint_starts_the_log_over()
    {
        // Commits follow each other a millisecond apart: a passive checkpoint alone seldom finds the quiet moment in which
        // the log could start over. Each time it does start over, SQLite counts it in the log's header.
        await CheckpointAsync("TRUNCATE");
        var checkpointer = new SqliteCheckpointer(_storage.Database,
            Options.Create(new SqliteCheckpointOptions { Interval = TimeSpan.FromMilliseconds(20), RestartAbovePages = 50 }),
            new StorageMetrics(_storage.Meters.Factory), NullLogger<SqliteCheckpointer>.Instance);
        int Restarts() => _storage.Meters.Measurements(StorageMetrics.SqliteCheckpoint, "mode=RESTART").Count;
        // Off the test framework's synchronisation context, as in a node: the checkpointer's ticks do not queue behind the writes.
        Assert.True(await _storage.Members.CreateAsync(MemberProfile.New("m_first", "first", "First", MemberRoles.Alumnus, DateTimeOffset.UnixEpoch), "hash"));
        var startedOver = LogStartedOver();
        await Task.Run(() => checkpointer.StartAsync(CancellationToken.None));
        try
        {
            await Task.Run(async () =>
            {
                var until = DateTime.UtcNow + Timeout;
                for (var i = 0; Restarts() < 10 && DateTime.UtcNow < until; i++)
                {
                    Assert.True(await _storage.Members.CreateAsync(
                        MemberProfile.New($"m_s{i}", $"steady{i}", $"Steady {i}", MemberRoles.Alumnus, DateTimeOffset.UnixEpoch), "hash"));
                    // A busy room's pace: a commit every millisecond or so.
                    await Task.Delay(1);
                }
            });
        }
        finally
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }

        Assert.True(Restarts() >= 10, $"{Restarts()} restart checkpoints");
        // A restart checkpoint that waited too long for the writer gives up, and two with no commit between them start
        // the log over once; most of them do start it over.
        Assert.True(LogStartedOver() - startedOver >= 3, $"the log started over {LogStartedOver() - startedOver} times");
    }

    /// <summary>How many times the log has started over: the checkpoint sequence number in its header (bytes 12 to 15, big-endian).</summary>
    private uint LogStartedOver()
    {
        using var log = new FileStream(_storage.Database.FilePath + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[16];
        log.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12));
    }

    /// <summary>Runs a checkpoint; the frames in the log (since it last started over).</summary>
    private async Task<long> CheckpointAsync(string mode)
    {
        await using var connection = await _storage.Database.OpenAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var result = await checkpoint.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        return result.GetInt64(1);
    }
}
