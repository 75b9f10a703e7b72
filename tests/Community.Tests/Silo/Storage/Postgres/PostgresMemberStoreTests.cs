namespace Community.Tests.Silo.Storage.Postgres;

public sealed class PostgresMemberStoreTests : MemberStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => PostgresStorage.CreateAsync();
}
