using Community.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Community.Tests.Cluster;

/// <summary>
/// Two gateway nodes of one Orleans cluster over one PostgreSQL database, their hub connections
/// joined through Redis; how the grains are hosted is the shape's own.
/// </summary>
public abstract class ClusterUnderTest : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();

    /// <summary>
    /// The cluster's settings: its own cluster id (its Redis channels), a membership that declares a
    /// silo that stopped answering dead within a few seconds (three missed probes a second apart: a
    /// silo of the test process that one slow second on a busy machine got declared dead is stopped
    /// by Orleans with the whole process), and fast presence heartbeats for gateway nodes, so that a
    /// test can wait for either.
    /// </summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Community:Orleans:ClusterId"] = "c" + Guid.NewGuid().ToString("N")[..12],
        ["Community:Orleans:Membership:ProbeTimeout"] = "00:00:01",
        ["Community:Orleans:Membership:NumMissedProbesLimit"] = "3",
        ["Community:Orleans:Membership:NumVotesForDeathDeclaration"] = "1",
        ["Community:Orleans:Membership:EnableConnectionLivenessCheck"] = "false",
        ["Community:Orleans:Membership:IAmAliveTablePublishTimeout"] = "00:00:01",
        ["Community:Presence:HeartbeatInterval"] = "00:00:00.200",
        ["Community:Presence:NodeTimeout"] = "00:00:02",
        ["Community:Limits:MessageBurst"] = "1000",
        ["Community:Limits:AnonymousRequestBurst"] = "100000",
        ["Community:Limits:AnonymousRequestsPerMinute"] = "100000",
    };

    public string ConnectionString { get; private set; } = "";

    public CommunityNode Node1 { get; private set; } = null!;

    public CommunityNode Node2 { get; private set; } = null!;

    /// <summary>Invites and signs up through node 1; every node sees the same members.</summary>
    public Network Network { get; private set; } = null!;

    /// <summary>Settings of a gateway node of this cluster in a process of its own, one a test may kill.</summary>
    public virtual Dictionary<string, string?> ProcessNodeSettings => new(Settings)
    {
        ["Community:Storage:Provider"] = "postgres",
        ["ConnectionStrings:Postgres"] = ConnectionString,
    };

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync();
        Settings["ConnectionStrings:Redis"] = await RedisServer.ConnectionStringAsync();
        await StartGrainHostsAsync();
        (Node1, Node2) = await StartGatewaysAsync();
        Network = new Network(Node1);
    }

    /// <summary>Starts what hosts the grains besides the gateway nodes, if anything.</summary>
    protected abstract Task StartGrainHostsAsync();

    /// <summary>Starts the two gateway nodes.</summary>
    protected abstract Task<(CommunityNode, CommunityNode)> StartGatewaysAsync();

    protected Task<CommunityNode> StartNodeAsync(IReadOnlyDictionary<string, string?> settings) =>
        CommunityNode.StartAsync(settings: settings, postgresConnectionString: ConnectionString,
            configure: builder => builder.Logging.AddProvider(_logs));

    protected ILoggerProvider Logs => _logs;

    /// <summary>What the nodes logged as errors, for a failing test to show.</summary>
    public string ServerErrors() => string.Join("\n", _logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal)));

    /// <summary>The same member's REST client, on the other node.</summary>
    public static TestMember On(CommunityNode node, TestMember member) => member with { Http = node.ClientFor(member.Token) };

    public virtual async Task DisposeAsync()
    {
        await Node1.DisposeAsync();
        await Node2.DisposeAsync();
    }
}
