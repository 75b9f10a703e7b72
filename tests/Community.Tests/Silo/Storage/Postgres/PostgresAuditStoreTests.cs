namespace Community.Tests.Silo.Storage.Postgres;

public sealed class PostgresAuditStoreTests : AuditStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => PostgresStorage.CreateAsync();
}
