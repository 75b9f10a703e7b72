namespace Community.Tests.Silo.Storage.Postgres;

public sealed class PostgresThreadStoreTests : ThreadStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => PostgresStorage.CreateAsync();
}
