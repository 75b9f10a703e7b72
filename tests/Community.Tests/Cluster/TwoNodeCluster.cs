using Community.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Community.Tests.Cluster;

/// <summary>
/// Two co-hosted nodes (gateway and silo each) in one Orleans cluster over one PostgreSQL
/// database, their hub connections joined through Redis.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();

    /// <summary>
    /// The cluster's settings: its own cluster id (its Redis channels), and a membership that declares a
    /// node that stopped answering dead within about a second, so a test can wait for it.
    /// </summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Community:Orleans:ClusterId"] = "c" + Guid.NewGuid().ToString("N")[..12],
        ["Community:Orleans:Membership:ProbeTimeout"] = "00:00:01",
        ["Community:Orleans:Membership:NumMissedProbesLimit"] = "1",
        ["Community:Orleans:Membership:NumVotesForDeathDeclaration"] = "1",
        ["Community:Orleans:Membership:EnableConnectionLivenessCheck"] = "false",
        ["Community:Orleans:Membership:IAmAliveTablePublishTimeout"] = "00:00:01",
        ["Community:Limits:MessageBurst"] = "1000",
    };

    public string ConnectionString { get; private set; } = "";

    public CommunityNode Node1 { get; private set; } = null!;

    public CommunityNode Node2 { get; private set; } = null!;

    /// <summary>Invites and signs up through node 1; every node sees the same members.</summary>
    public Network Network { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync();
        Settings["ConnectionStrings:Redis"] = await RedisServer.ConnectionStringAsync();
        // Both nodes start at once: migrations must be safe when they race.
        var starting = new[] { StartNodeAsync(), StartNodeAsync() };
        var nodes = await Task.WhenAll(starting);
        (Node1, Node2) = (nodes[0], nodes[1]);
        Network = new Network(Node1);
    }

    public Task<CommunityNode> StartNodeAsync() =>
        CommunityNode.StartAsync(settings: Settings, postgresConnectionString: ConnectionString,
            configure: builder => builder.Logging.AddProvider(_logs));

    /// <summary>What the nodes logged as errors, for a failing test to show.</summary>
    public string ServerErrors() => string.Join("\n", _logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal)));

    /// <summary>The same member's REST client, on the other node.</summary>
    public static TestMember On(CommunityNode node, TestMember member) => member with { Http = node.ClientFor(member.Token) };

    public async Task DisposeAsync()
    {
        await Node1.DisposeAsync();
        await Node2.DisposeAsync();
    }
}
