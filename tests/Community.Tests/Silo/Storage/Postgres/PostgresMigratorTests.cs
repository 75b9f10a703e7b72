using Community.Grains.Members;
using Community.Grains.Rooms;
using Community.Silo.Storage.Postgres;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Community.Tests.Silo.Storage.Postgres;

public sealed class PostgresMigratorTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private PostgresStorage? _storage;

    private PostgresStorage Storage => _storage ?? throw new InvalidOperationException("The database is created before each test.");

    public async Task InitializeAsync() => _storage = await PostgresStorage.CreateUnmigratedAsync().WaitAsync(Timeout);

    public async Task DisposeAsync()
    {
        if (_storage is not null) await _storage.DisposeAsync().AsTask().WaitAsync(Timeout);
    }

    [Fact]
    public async Task Running_the_migrator_twice_is_harmless_and_keeps_the_data()
    {
        await Storage.MigrateAsync();
        var member = MemberProfile.New("m_a", "alice", "Alice", MemberRoles.Alumnus, DateTimeOffset.UnixEpoch);
        Assert.True(await Storage.Members.CreateAsync(member, "hash").WaitAsync(Timeout));

        await Storage.MigrateAsync();

        Assert.Equal("alice", (await Storage.Members.GetAsync("m_a").WaitAsync(Timeout))?.Profile.Handle);
        await AssertAppliedOnceAsync();
    }

    [Fact]
    public async Task Two_nodes_migrating_an_empty_database_at_once_both_succeed_and_apply_each_migration_once()
    {
        await using var secondNode = Storage.OpenSecondNode();
        var applied = new AppliedMigrations();

        await Task.WhenAll(
            Task.Run(() => Storage.MigrateAsync(applied)),
            Task.Run(() => secondNode.MigrateAsync(applied))).WaitAsync(Timeout);

        Assert.Equal(Enumerable.Range(1, PostgresSchema.Migrations.Count), applied.Versions.Order());
        await AssertAppliedOnceAsync();
        var broadcast = await secondNode.Rooms.LoadAsync(BroadcastChannel.Id).WaitAsync(Timeout);
        Assert.Equal(RoomKinds.Broadcast, broadcast?.Info.Kind);
    }

    [Fact]
    public async Task Members_who_joined_before_the_broadcast_migration_are_enrolled_by_it()
    {
        await using (var connection = await Storage.Database.OpenAsync())
        {
            await connection.ExecuteAsync(PostgresSchema.Migrations[0]).WaitAsync(Timeout);
            await connection.ExecuteAsync(
                """
                CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL);
                INSERT INTO schema_migrations VALUES (1, now());
                INSERT INTO members (id, handle, display_name, role, joined_at, password_hash, search_text, version)
                VALUES ('m_early', 'early', 'Early', 'alumnus', 0, 'hash', 'early', 1);
                """).WaitAsync(Timeout);
        }

        await Storage.MigrateAsync();

        var broadcast = await Storage.Rooms.LoadAsync(BroadcastChannel.Id).WaitAsync(Timeout);
        Assert.Equal(["m_early"], broadcast?.Members.Select(m => m.MemberId));
    }

    private async Task AssertAppliedOnceAsync()
    {
        await using var connection = await Storage.Database.OpenAsync();
        var (rows, versions) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations").WaitAsync(Timeout);
        Assert.Equal(PostgresSchema.Migrations.Count, rows);
        Assert.Equal(rows, versions);
    }

    /// <summary>A logger that notes the version of every "applied schema migration" it is told of, whichever migrator tells it.</summary>
    private sealed class AppliedMigrations : ILogger<PostgresMigrator>
    {
        private readonly List<int> _versions = [];

        public IReadOnlyList<int> Versions
        {
            get
            {
                lock (_versions) return _versions.ToArray();
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id != 200 || state is not IReadOnlyList<KeyValuePair<string, object?>> values) return;
            lock (_versions) _versions.Add((int)values.Single(v => v.Key == "Version").Value!);
        }
    }
}
