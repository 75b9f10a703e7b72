namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteCalendarFeedStoreTests : CalendarFeedStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => SqliteStorage.CreateAsync();
}
