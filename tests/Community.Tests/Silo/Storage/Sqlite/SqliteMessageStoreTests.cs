namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteMessageStoreTests : MessageStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => SqliteStorage.CreateAsync();
}
