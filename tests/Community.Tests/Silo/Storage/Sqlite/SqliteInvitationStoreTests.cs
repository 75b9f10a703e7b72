namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteInvitationStoreTests : InvitationStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => SqliteStorage.CreateAsync();
}
