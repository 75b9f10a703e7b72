using Community.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Community.Tests.Cluster;

/// <summary>Two gateway nodes over one PostgreSQL database, talking through LISTEN/NOTIFY.</summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    /// <summary>Fast heartbeats, so a dead node is noticed within a test's patience.</summary>
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Community:Presence:HeartbeatInterval"] = "00:00:00.200",
        ["Community:Presence:NodeTimeout"] = "00:00:01.500",
        ["Community:Limits:MessageBurst"] = "1000",
    };

    private readonly CapturingLoggerProvider _logs = new();

    public string ConnectionString { get; private set; } = "";

    public CommunityNode Node1 { get; private set; } = null!;

    public CommunityNode Node2 { get; private set; } = null!;

    /// <summary>Invites and signs up through node 1; every node sees the same members.</summary>
    public Network Network { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync();
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
