namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteTokenStoreTests : TokenStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => SqliteStorage.CreateAsync();
}
