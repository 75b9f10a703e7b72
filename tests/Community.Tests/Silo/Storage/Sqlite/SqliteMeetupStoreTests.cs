namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteMeetupStoreTests : MeetupStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => SqliteStorage.CreateAsync();
}
