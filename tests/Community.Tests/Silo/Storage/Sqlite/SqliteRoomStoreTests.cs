namespace Community.Tests.Silo.Storage.Sqlite;

public sealed class SqliteRoomStoreTests : RoomStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => SqliteStorage.CreateAsync();
}
