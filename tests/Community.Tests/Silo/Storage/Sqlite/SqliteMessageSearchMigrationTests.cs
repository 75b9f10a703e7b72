using Community.Grains.Search;
using Community.Grains.Storage;
using Community.Silo.Storage.Search;
using Community.Silo.Storage.Sqlite;
using Dapper;

namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteMessageSearchMigrationTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly SqliteStorage _storage = SqliteStorage.CreateUnmigrated();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync().AsTask().WaitAsync(Timeout);

    [Fact]
    public async Task Messages_stored_before_the_search_migration_are_found_after_it_and_tombstones_are_not()
    {
        var search = SqliteSchema.Migrations.ToList().FindIndex(m => m.Contains("CREATE TABLE message_search (", StringComparison.Ordinal));
        await using (var connection = await _storage.Database.OpenAsync())
        {
            await connection.ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)").WaitAsync(Timeout);
            for (var version = 1; version <= search; version++)
            {
                await connection.ExecuteAsync(SqliteSchema.Migrations[version - 1]).WaitAsync(Timeout);
                await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (@version, 'then')", new { version }).WaitAsync(Timeout);
            }
            await connection.ExecuteAsync(
                """
                INSERT INTO members (id, handle, display_name, role, joined_at, password_hash, search_text, version)
                VALUES ('m_early', 'early', 'Early', 'alumnus', 0, 'hash', 'early', 1);
                INSERT INTO rooms (id, kind, name, topic, visibility, created_by, created_at, last_seq, last_activity, version)
                VALUES ('r_old', 'room', '昔の部屋', '', 'public', 'm_early', 0, 3, 0, 1);
                INSERT INTO room_members (room_id, member_id, role, joined_at, read_seq) VALUES ('r_old', 'm_early', 'owner', 0, 0);
                INSERT INTO messages (room_id, seq, sender_id, client_msg_id, text, sent_at, deleted) VALUES
                    ('r_old', 1, 'm_early', 'c1', '去年の忘年会は渋谷でした', 1000, 0),
                    ('r_old', 2, 'm_early', 'c2', NULL, 2000, 1),
                    ('r_old', 3, 'm_early', 'c3', 'Lunch next week?', 3000, 0);
                """).WaitAsync(Timeout);
        }

        await _storage.MigrateAsync();

        var store = new SqliteMessageSearchStore(_storage.Database);
        Assert.Equal(new[] { 1L }, await SeqsAsync(store, "忘年会"));
        Assert.Equal(new[] { 1L }, await SeqsAsync(store, "渋谷"));
        Assert.Equal(new[] { 3L }, await SeqsAsync(store, "ｌｕｎｃｈ"));
        await using var check = await _storage.Database.OpenAsync();
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM message_search_pending").WaitAsync(Timeout));
        Assert.Equal(2, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM message_search").WaitAsync(Timeout));
    }

    private static async Task<long[]> SeqsAsync(IMessageSearchStore store, string q) =>
        (await store.SearchAsync(new MessageSearch("m_early", MessageSearchQuery.Parse(q, "q"), null, null, null, 10)).WaitAsync(Timeout))
        .Select(h => h.Seq).ToArray();
}
