namespace Community.Tests.Silo.Storage.Postgres;

public sealed class PostgresMeetupStoreTests : MeetupStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => PostgresStorage.CreateAsync();
}
