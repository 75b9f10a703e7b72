namespace Community.Tests.Silo.Storage.Postgres;

public sealed class PostgresTokenStoreTests : TokenStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => PostgresStorage.CreateAsync();
}
