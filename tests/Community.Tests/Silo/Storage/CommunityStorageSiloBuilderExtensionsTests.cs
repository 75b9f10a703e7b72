namespace Community.Tests.Silo.Storage;

public sealed class CommunityStorageSiloBuilderExtensionsTests
{
    [Fact]
    public async Task An_unknown_provider_stops_the_silo_before_it_starts_and_says_which_ones_exist()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StorageSilo.StartAsync(
            new Dictionary<string, string?> { ["Community:Storage:Provider"] = "mongodb" }).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal("Community:Storage:Provider is 'mongodb'; it must be 'sqlite' (the default) or 'postgres'.", error.Message);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_the_silo_before_it_starts_and_says_what_is_missing()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StorageSilo.StartAsync(
            new Dictionary<string, string?> { ["Community:Storage:Provider"] = "postgres" }).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.StartsWith("Community:Storage:Provider is 'postgres' but ConnectionStrings:Postgres is not set", error.Message);
    }
}
