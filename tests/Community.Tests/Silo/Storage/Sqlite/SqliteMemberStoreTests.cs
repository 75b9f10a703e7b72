namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteMemberStoreTests : MemberStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => SqliteStorage.CreateAsync();
}
