using Community.Grains.Members;
using Community.Grains.Text;
using Dapper;
using Community.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteMigratorTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly SqliteStorage _storage = SqliteStorage.CreateUnmigrated();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync().AsTask().WaitAsync(Timeout);

    [Fact]
    public async Task Running_the_migrator_twice_is_harmless_and_keeps_the_data()
    {
        await _storage.MigrateAsync();
        var member = MemberProfile.New("m_a", "alice", "Alice", MemberRoles.Alumnus, DateTimeOffset.UnixEpoch);
        Assert.True(await _storage.Members.CreateAsync(member, "hash").WaitAsync(Timeout));

        await _storage.MigrateAsync();

        Assert.Equal("alice", (await _storage.Members.GetAsync("m_a").WaitAsync(Timeout))?.Profile.Handle);
        using var connection = await OpenRawAsync();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations";
        using var reader = await count.ExecuteReaderAsync().WaitAsync(Timeout);
        Assert.True(await reader.ReadAsync().WaitAsync(Timeout));
        Assert.Equal(SqliteSchema.Migrations.Count, reader.GetInt32(0));
        Assert.Equal(reader.GetInt32(0), reader.GetInt32(1));
    }

    [Fact]
    public async Task Tokens_issued_before_the_sessions_migration_become_sessions_that_keep_working()
    {
        var sessions = SqliteSchema.Migrations.ToList().FindIndex(m => m.Contains("ADD COLUMN session_id", StringComparison.Ordinal));
        await using (var connection = await _storage.Database.OpenAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)").WaitAsync(Timeout);
            for (var version = 1; version <= sessions; version++)
            {
                await connection.ExecuteAsync(SqliteSchema.Migrations[version - 1]).WaitAsync(Timeout);
                await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (@version, 'then')", new { version }).WaitAsync(Timeout);
            }
            await connection.ExecuteAsync(
                """
                INSERT INTO members (id, handle, display_name, role, joined_at, password_hash, search_text, version)
                VALUES ('m_early', 'early', 'Early', 'alumnus', 0, 'hash', 'early', 1);
                INSERT INTO tokens (token_hash, member_id, created_at) VALUES ('hash-1', 'm_early', 1000), ('hash-2', 'm_early', 2000);
                """).WaitAsync(Timeout);
        }

        await _storage.MigrateAsync();

        var first = await _storage.Tokens.FindAsync("hash-1").WaitAsync(Timeout);
        Assert.StartsWith("s_", first?.Id);
        Assert.Equal((DateTimeOffset.FromUnixTimeMilliseconds(1000), DateTimeOffset.FromUnixTimeMilliseconds(1000), (string?)null),
            (first!.CreatedAt, first.LastSeenAt, first.Device));
        var listed = await _storage.Tokens.ListAsync("m_early").WaitAsync(Timeout);
        Assert.Equal(2, listed.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task Database_file_is_in_wal_mode()
    {
        await _storage.MigrateAsync();

        // A plain connection sets no pragmas, so it reports the mode stored in the file itself.
        using var connection = await OpenRawAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", await command.ExecuteScalarAsync().WaitAsync(Timeout) as string);
    }

    [Fact]
    public async Task Members_from_before_handle_keys_get_their_key_and_a_later_look_alike_gets_none()
    {
        var keyed = SqliteSchema.Migrations.ToList().FindIndex(m => m.Contains("handle_key", StringComparison.Ordinal)) + 1;
        await using (var connection = await _storage.Database.OpenAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
            for (var version = 1; version < keyed; version++)
            {
                await connection.ExecuteAsync(SqliteSchema.Migrations[version - 1]);
                await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (@version, 'then')", new { version });
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

        await _storage.MigrateAsync();

        await using var read = await _storage.Database.OpenAsync();
        var keys = (await read.QueryAsync<(string Id, string? Key)>("SELECT id, handle_key FROM members").WaitAsync(Timeout)).ToDictionary(r => r.Id, r => r.Key);
        Assert.Equal(Handles.KeyOf("lknl"), keys["m_1"]);
        Assert.Null(keys["m_2"]);
        Assert.Equal(Handles.KeyOf("taro_yamada"), keys["m_3"]);
        Assert.Equal(Handles.KeyOf("modern.0ne"), keys["m_4"]);
        Assert.False(await _storage.Members.CreateAsync(MemberProfile.New("m_5", "taro.yamada", "Impostor", MemberRoles.Alumnus, DateTimeOffset.UnixEpoch), "h").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Replies_from_before_the_threads_migration_are_counted_on_their_first_message()
    {
        var threads = SqliteSchema.Migrations.ToList().FindIndex(m => m.Contains("reply_count", StringComparison.Ordinal));
        await using (var connection = await _storage.Database.OpenAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)").WaitAsync(Timeout);
            for (var version = 1; version <= threads; version++)
            {
                await connection.ExecuteAsync(SqliteSchema.Migrations[version - 1]).WaitAsync(Timeout);
                await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (@version, 'then')", new { version }).WaitAsync(Timeout);
            }
            await connection.ExecuteAsync(ThreadsBefore).WaitAsync(Timeout);
        }

        await _storage.MigrateAsync();

        var page = await _storage.Messages.PageAsync("r_old", null, null, 10, "m_x").WaitAsync(Timeout);
        Assert.Equal([(2, (long?)3000), (0, null), (0, null), (1, 5000), (0, null)],
            page.Select(m => (m.ReplyCount, m.LastReplyAt?.ToUnixTimeMilliseconds())));
    }

    /// <summary>A room whose log holds two threads, written as the schema before threads kept their counts.</summary>
    internal const string ThreadsBefore =
        """
        INSERT INTO rooms (id, kind, name, topic, visibility, created_by, created_at, last_seq, last_activity, version)
        VALUES ('r_old', 'room', 'Old room', '', 'public', 'm_x', 0, 5, 0, 1);
        INSERT INTO messages (room_id, seq, sender_id, client_msg_id, text, reply_to_seq, sent_at) VALUES
        ('r_old', 1, 'm_x', 'c1', 'first', NULL, 1000),
        ('r_old', 2, 'm_x', 'c2', 'reply', 1, 2000),
        ('r_old', 3, 'm_x', 'c3', 'reply', 1, 3000),
        ('r_old', 4, 'm_x', 'c4', 'another', NULL, 4000),
        ('r_old', 5, 'm_x', 'c5', 'reply', 4, 5000);
        """;

    private async Task<SqliteConnection> OpenRawAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _storage.Database.FilePath, Pooling = false }.ToString());
        await connection.OpenAsync().WaitAsync(Timeout);
        return connection;
    }
}
