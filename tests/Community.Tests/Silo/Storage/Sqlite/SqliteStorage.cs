using Community.Grains.Storage;
using Community.Silo.Storage;
using Community.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Community.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Community.Tests.Silo.Storage.Sqlite;

/// <summary>The SQLite stores over a database file in a temporary folder, which the first opener deletes on dispose.</summary>
internal sealed class SqliteStorage : IStorageUnderTest
{
    private readonly bool _ownsFolder;

    private SqliteStorage(string folder, bool ownsFolder)
    {
        Folder = folder;
        _ownsFolder = ownsFolder;
        Database = new SqliteDatabase(Options.Create(new StorageOptions { DataPath = folder }), Options.Create(new SqliteCheckpointOptions()));
        Members = new MemberStore(Database, SqliteDialect.Instance);
        Invitations = new SqliteInvitationStore(Database);
        Tokens = new TokenStore(Database);
        Audit = new AuditStore(Database);
        Rooms = new SqliteRoomStore(Database);
        Messages = new SqliteMessageStore(Database, new StorageMetrics(Meters.Factory));
        Pins = new PinStore(Database, SqliteDialect.Instance);
        MailOutbox = new MailOutboxStore(Database);
        Meetups = new MeetupStore(Database, SqliteDialect.Instance);
        CalendarFeeds = new CalendarFeedStore(Database);
    }

    public string Folder { get; }

    public SqliteDatabase Database { get; }

    public RecordedMeters Meters { get; } = new();

    public IMemberStore Members { get; }

    public IInvitationStore Invitations { get; }

    public ITokenStore Tokens { get; }

    public IAuditStore Audit { get; }

    public IRoomStore Rooms { get; }

    public IMessageStore Messages { get; }

    public IPinStore Pins { get; }

    public IMailOutboxStore MailOutbox { get; }

    public IMeetupStore Meetups { get; }

    public ICalendarFeedStore CalendarFeeds { get; }

    /// <summary>Stores over a new, migrated database.</summary>
    public static async Task<IStorageUnderTest> CreateAsync()
    {
        var storage = CreateUnmigrated();
        await storage.MigrateAsync();
        return storage;
    }

    /// <summary>Stores over a new database file that no migration has touched yet.</summary>
    public static SqliteStorage CreateUnmigrated() =>
        new(Path.Combine(Path.GetTempPath(), "community-tests", Guid.NewGuid().ToString("N")), ownsFolder: true);

    public Task MigrateAsync() =>
        new SqliteMigrator(Database, NullLogger<SqliteMigrator>.Instance).MigrateAsync().WaitAsync(TimeSpan.FromSeconds(10));

    public Task<IStorageUnderTest> OpenSecondNodeAsync() => Task.FromResult<IStorageUnderTest>(new SqliteStorage(Folder, ownsFolder: false));

    public ValueTask DisposeAsync()
    {
        Meters.Dispose();
        if (_ownsFolder)
        {
            // Pooled connections keep the file open; close them before the folder goes.
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        }
        return ValueTask.CompletedTask;
    }
}
