using Community.Grains.Storage;
using Community.Silo.Storage;
using Community.Silo.Storage.Postgres;
using Community.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Community.Tests.Silo.Storage.Postgres;

/// <summary>The PostgreSQL stores over a database of their own in the test run's cluster, which the first opener drops on dispose.</summary>
internal sealed class PostgresStorage : IStorageUnderTest
{
    private bool _ownsDatabase;

    private PostgresStorage(string connectionString, bool ownsDatabase)
    {
        ConnectionString = connectionString;
        _ownsDatabase = ownsDatabase;
        Database = new PostgresDatabase(connectionString);
        Members = new MemberStore(Database, PostgresDialect.Instance);
        Invitations = new PostgresInvitationStore(Database);
        Tokens = new TokenStore(Database);
        Audit = new AuditStore(Database);
        Rooms = new PostgresRoomStore(Database);
        Messages = new PostgresMessageStore(Database, new StorageMetrics(Meters.Factory));
        Pins = new PinStore(Database, PostgresDialect.Instance);
        MailOutbox = new MailOutboxStore(Database);
        Meetups = new MeetupStore(Database, PostgresDialect.Instance);
        CalendarFeeds = new CalendarFeedStore(Database);
    }

    public string ConnectionString { get; }

    public PostgresDatabase Database { get; }

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

    /// <summary>A database migrated once per test run, which new databases copy: faster than migrating each.</summary>
    private static readonly Lazy<Task<string>> MigratedTemplate = new(async () =>
    {
        var storage = await CreateUnmigratedAsync();
        storage.KeepDatabase();
        await using (storage) await storage.MigrateAsync();
        // A database is copied only while nobody is connected to it.
        NpgsqlConnection.ClearAllPools();
        return new NpgsqlConnectionStringBuilder(storage.ConnectionString).Database!;
    });

    /// <summary>Stores over a new, migrated database.</summary>
    public static async Task<IStorageUnderTest> CreateAsync() =>
        new PostgresStorage(await PostgresServer.CreateDatabaseAsync(template: await MigratedTemplate.Value), ownsDatabase: true);

    /// <summary>Stores over a new database that no migration has touched yet.</summary>
    public static async Task<PostgresStorage> CreateUnmigratedAsync() => new(await PostgresServer.CreateDatabaseAsync(), ownsDatabase: true);

    public Task MigrateAsync(ILogger<PostgresMigrator>? logger = null) =>
        new PostgresMigrator(Database, logger ?? NullLogger<PostgresMigrator>.Instance).MigrateAsync().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>New stores over the same database with a pool of their own, as a second node would open them.</summary>
    public Task<IStorageUnderTest> OpenSecondNodeAsync() => Task.FromResult<IStorageUnderTest>(OpenSecondNode());

    public PostgresStorage OpenSecondNode() => new(ConnectionString, ownsDatabase: false);

    private void KeepDatabase() => _ownsDatabase = false;

    public async ValueTask DisposeAsync()
    {
        Meters.Dispose();
        await Database.DisposeAsync();
        if (_ownsDatabase) await PostgresServer.DropDatabaseAsync(ConnectionString);
    }
}
