namespace Community.Tests.Silo.Storage.Postgres;

public sealed class PostgresMailOutboxStoreTests : MailOutboxStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => PostgresStorage.CreateAsync();
}
