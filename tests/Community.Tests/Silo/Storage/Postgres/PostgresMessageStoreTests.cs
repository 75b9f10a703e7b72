namespace Community.Tests.Silo.Storage.Postgres;

public sealed class PostgresMessageStoreTests : MessageStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => PostgresStorage.CreateAsync();
}
