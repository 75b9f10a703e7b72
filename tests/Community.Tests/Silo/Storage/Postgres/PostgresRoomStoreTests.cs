namespace Community.Tests.Silo.Storage.Postgres;

public sealed class PostgresRoomStoreTests : RoomStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => PostgresStorage.CreateAsync();
}
