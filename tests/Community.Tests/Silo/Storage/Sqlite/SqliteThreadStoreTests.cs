namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteThreadStoreTests : ThreadStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => SqliteStorage.CreateAsync();
}
