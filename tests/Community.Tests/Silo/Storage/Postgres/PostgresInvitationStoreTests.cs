namespace Community.Tests.Silo.Storage.Postgres;

public sealed class PostgresInvitationStoreTests : InvitationStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => PostgresStorage.CreateAsync();
}
