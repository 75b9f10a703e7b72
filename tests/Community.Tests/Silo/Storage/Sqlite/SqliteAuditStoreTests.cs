namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteAuditStoreTests : AuditStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => SqliteStorage.CreateAsync();
}
