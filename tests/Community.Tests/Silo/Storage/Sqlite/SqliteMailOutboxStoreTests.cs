namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteMailOutboxStoreTests : MailOutboxStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => SqliteStorage.CreateAsync();
}
