namespace Community.Tests.Silo.Storage.Postgres;

public sealed class PostgresCalendarFeedStoreTests : CalendarFeedStoreContract
{
    protected override Task<IStorageUnderTest> CreateStoresAsync() => PostgresStorage.CreateAsync();
}
