using Community.Grains.Storage;
using Community.Silo.Storage.Postgres;
using Community.Silo.Storage.Sqlite;
using Community.Tests.Support;

namespace Community.Tests.Silo.Storage;

/// <summary><c>Community:Storage:Provider</c> picks the stores a node runs on.</summary>
public sealed class StorageProviderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_node_runs_on_the_store_the_test_run_names()
    {
        await using var node = await CommunityNode.StartAsync().WaitAsync(Timeout);

        var expected = TestStore.IsPostgres ? typeof(PostgresMessageStore) : typeof(SqliteMessageStore);
        Assert.Equal(expected, node.GetRequiredService<IMessageStore>().GetType());
    }

    [Fact]
    public async Task An_unknown_provider_stops_the_node_at_start_up_and_says_which_ones_exist()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CommunityNode.StartAsync(
            settings: new Dictionary<string, string?> { ["Community:Storage:Provider"] = "mongodb" }).WaitAsync(Timeout));

        Assert.Equal("Community:Storage:Provider is 'mongodb'; it must be 'sqlite' (the default) or 'postgres'.", error.Message);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_the_node_at_start_up_and_says_what_is_missing()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CommunityNode.StartAsync(
            settings: new Dictionary<string, string?> { ["Community:Storage:Provider"] = "postgres", ["ConnectionStrings:Postgres"] = "" }).WaitAsync(Timeout));

        Assert.StartsWith("Community:Storage:Provider is 'postgres' but ConnectionStrings:Postgres is not set", error.Message);
    }

    [Fact]
    public async Task Two_nodes_given_one_postgres_database_share_their_members()
    {
        var database = await CommunityNode.CreatePostgresDatabaseAsync();
        try
        {
            await using var first = await CommunityNode.StartAsync(postgresConnectionString: database).WaitAsync(Timeout);
            await using var second = await CommunityNode.StartAsync(postgresConnectionString: database).WaitAsync(Timeout);

            var hanako = await new Network(first).JoinAsync("hanako", "山田 花子").WaitAsync(Timeout);
            var onSecond = await new Network(second).LoginAsync("hanako", "a-long-password").WaitAsync(Timeout);

            Assert.Equal(hanako.Id, onSecond.Id);
            var found = await (await onSecond.Http.GetAsync("/api/members?q=山田").WaitAsync(Timeout)).ReadJsonAsync().WaitAsync(Timeout);
            Assert.Equal([hanako.Id], found.GetProperty("items").EnumerateArray().Select(m => m.Str("id")));
        }
        finally
        {
            // Given databases are the caller's: the nodes leave them be.
            await PostgresServer.DropDatabaseAsync(database).WaitAsync(Timeout);
        }
    }
}
