using Community.Grains.Members;
using Community.Grains.Rooms;
using Community.Grains.Text;
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
        Assert.Equal(OrleansScripts.Names, applied.Scripts);
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

    [Fact]
    public async Task Members_from_before_handle_keys_get_their_key_and_a_later_look_alike_gets_none()
    {
        var keyed = PostgresSchema.Migrations.ToList().FindIndex(m => m.Contains("handle_key", StringComparison.Ordinal)) + 1;
        await using (var connection = await Storage.Database.OpenAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)");
            for (var version = 1; version < keyed; version++)
            {
                await connection.ExecuteAsync(PostgresSchema.Migrations[version - 1]);
                await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (@version, now())", new { version });
            }
            await connection.ExecuteAsync(
                """
                INSERT INTO members (id, handle, display_name, role, joined_at, password_hash, search_text, version) VALUES
                ('m_1', 'lknl', 'First', 'alumnus', 1, 'h', '', 1),
                ('m_2', '1knl', 'Look-alike', 'alumnus', 2, 'h', '', 1),
                ('m_3', 'taro_yamada', 'Taro', 'alumnus', 3, 'h', '', 1),
                ('m_4', 'modern.0ne', 'Modern', 'alumnus', 4, 'h', '', 1)
                """).WaitAsync(Timeout);
        }

        await Storage.MigrateAsync();

        await using var read = await Storage.Database.OpenAsync();
        var keys = (await read.QueryAsync<(string Id, string? Key)>("SELECT id, handle_key FROM members").WaitAsync(Timeout)).ToDictionary(r => r.Id, r => r.Key);
        Assert.Equal(Handles.KeyOf("lknl"), keys["m_1"]);
        Assert.Null(keys["m_2"]);
        Assert.Equal(Handles.KeyOf("taro_yamada"), keys["m_3"]);
        Assert.Equal(Handles.KeyOf("modern.0ne"), keys["m_4"]);
        Assert.False(await Storage.Members.CreateAsync(MemberProfile.New("m_5", "taro.yamada", "Impostor", MemberRoles.Alumnus, DateTimeOffset.UnixEpoch), "h").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Replies_from_before_the_threads_migration_are_counted_on_their_first_message()
    {
        var threads = PostgresSchema.Migrations.ToList().FindIndex(m => m.Contains("reply_count", StringComparison.Ordinal));
        await using (var connection = await Storage.Database.OpenAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)").WaitAsync(Timeout);
            for (var version = 1; version <= threads; version++)
            {
                await connection.ExecuteAsync(PostgresSchema.Migrations[version - 1]).WaitAsync(Timeout);
                await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (@version, now())", new { version }).WaitAsync(Timeout);
            }
            await connection.ExecuteAsync(Sqlite.SqliteMigratorTests.ThreadsBefore).WaitAsync(Timeout);
        }

        await Storage.MigrateAsync();

        var page = await Storage.Messages.PageAsync("r_old", null, null, 10, "m_x").WaitAsync(Timeout);
        Assert.Equal([(2, (long?)3000), (0, null), (0, null), (1, 5000), (0, null)],
            page.Select(m => (m.ReplyCount, m.LastReplyAt?.ToUnixTimeMilliseconds())));
    }

    [Fact]
    public async Task Tokens_issued_before_the_sessions_migration_become_sessions_that_keep_working()
    {
        var sessions = PostgresSchema.Migrations.ToList().FindIndex(m => m.Contains("ADD COLUMN session_id", StringComparison.Ordinal));
        await using (var connection = await Storage.Database.OpenAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)").WaitAsync(Timeout);
            for (var version = 1; version <= sessions; version++)
            {
                await connection.ExecuteAsync(PostgresSchema.Migrations[version - 1]).WaitAsync(Timeout);
                await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (@version, now())", new { version }).WaitAsync(Timeout);
            }
            await connection.ExecuteAsync(
                """
                INSERT INTO members (id, handle, display_name, role, joined_at, password_hash, search_text, version)
                VALUES ('m_early', 'early', 'Early', 'alumnus', 0, 'hash', 'early', 1);
                INSERT INTO tokens (token_hash, member_id, created_at) VALUES ('hash-1', 'm_early', 1000), ('hash-2', 'm_early', 2000);
                """).WaitAsync(Timeout);
        }

        await Storage.MigrateAsync();

        var first = await Storage.Tokens.FindAsync("hash-1").WaitAsync(Timeout);
        Assert.StartsWith("s_", first?.Id);
        Assert.Equal((DateTimeOffset.FromUnixTimeMilliseconds(1000), DateTimeOffset.FromUnixTimeMilliseconds(1000), (string?)null),
            (first!.CreatedAt, first.LastSeenAt, first.Device));
        var listed = await Storage.Tokens.ListAsync("m_early").WaitAsync(Timeout);
        Assert.Equal(2, listed.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_restart_finds_the_orleans_scripts_applied_and_leaves_one_copy_of_their_queries()
    {
        await Storage.MigrateAsync();
        var afterFirst = new AppliedMigrations();

        await Storage.MigrateAsync(afterFirst);

        Assert.Empty(afterFirst.Scripts);
        await AssertAppliedOnceAsync();
    }

    [Fact]
    public async Task The_orleans_scripts_are_applied_in_order_and_recorded_with_their_upstream_commit()
    {
        await Storage.MigrateAsync();

        await using var connection = await Storage.Database.OpenAsync();
        var rows = (await connection.QueryAsync<(string Script, string Commit)>(
            "SELECT script, upstream_commit FROM orleans_scripts ORDER BY applied_at").WaitAsync(Timeout)).ToArray();
        Assert.Equal(OrleansScripts.Names, rows.Select(r => r.Script));
        Assert.All(rows, r => Assert.Equal(OrleansScripts.UpstreamCommit, r.Commit));
    }

    [Fact]
    public async Task The_clustering_queries_include_the_cleanup_of_defunct_silos_that_Orleans_10_4_needs()
    {
        await Storage.MigrateAsync();

        await using var connection = await Storage.Database.OpenAsync();
        var keys = (await connection.QueryAsync<string>("SELECT QueryKey FROM OrleansQuery").WaitAsync(Timeout)).ToHashSet();
        Assert.Contains("CleanupDefunctSiloEntriesKey", keys);
        Assert.Contains("WriteToStorageKey", keys);
        Assert.Contains("UpsertReminderRowKey", keys);
    }

    private async Task AssertAppliedOnceAsync()
    {
        await using var connection = await Storage.Database.OpenAsync();
        var (rows, versions) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations").WaitAsync(Timeout);
        Assert.Equal(PostgresSchema.Migrations.Count, rows);
        Assert.Equal(rows, versions);

        var scripts = await connection.QueryAsync<string>("SELECT script FROM orleans_scripts").WaitAsync(Timeout);
        Assert.Equal(OrleansScripts.Names.Order(StringComparer.Ordinal), scripts.Order(StringComparer.Ordinal));
        // Every INSERT INTO OrleansQuery of the scripts adds one query: one copy each, none twice.
        var inserts = OrleansScripts.Names.Sum(name => OrleansScripts.Read(name).Split("INSERT INTO OrleansQuery").Length - 1);
        Assert.Equal(inserts, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM OrleansQuery").WaitAsync(Timeout));
    }

    /// <summary>A logger that notes every migration and Orleans script it is told was applied, whichever migrator tells it.</summary>
    private sealed class AppliedMigrations : ILogger<PostgresMigrator>
    {
        private readonly List<int> _versions = [];
        private readonly List<string> _scripts = [];

        public IReadOnlyList<int> Versions
        {
            get
            {
                lock (_versions) return _versions.ToArray();
            }
        }

        public IReadOnlyList<string> Scripts
        {
            get
            {
                lock (_versions) return _scripts.ToArray();
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is not IReadOnlyList<KeyValuePair<string, object?>> values) return;
            lock (_versions)
            {
                if (eventId.Id == 200) _versions.Add((int)values.Single(v => v.Key == "Version").Value!);
                if (eventId.Id == 201) _scripts.Add((string)values.Single(v => v.Key == "Script").Value!);
            }
        }
    }
}
