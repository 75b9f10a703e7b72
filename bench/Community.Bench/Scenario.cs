using System.Globalization;
using Community.Bench.Bare;
using Community.Bench.NodeChild;
using Community.Silo.Storage.Sqlite;
using Community.Tests.Support;

namespace Community.Bench;

/// <summary>The scenarios by name; each starts its own nodes (and bare SignalR, where it has a baseline) and stops them when done.</summary>
internal static class Scenario
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string TwoNodes = "postgres-2nodes";
    public const string TwoNodesRooms = "postgres-2nodes-rooms";
    public const string DmPingPong = "dm-pingpong";
    public const string SteadyInline = "steady-sqlite-inline";
    public const string Steady = "steady-sqlite";
    public const string Sweep = "sweep";
    public const string IdleConnections = "idle-connections";
    public const string Secretariat = "secretariat";
    public const string StorageSqlite = "storage-sqlite";
    public const string StoragePostgres = "storage-postgres";
    public const string SignInLoadUnbounded = "signin-load-unbounded";
    public const string SignInLoad = "signin-load";
    public const string PresenceConnect = "presence-connect";

    public static readonly string[] Names =
    [
        Sqlite, Postgres, TwoNodes, TwoNodesRooms, DmPingPong, SteadyInline, Steady, Sweep, IdleConnections, Secretariat, StorageSqlite, StoragePostgres,
        SignInLoadUnbounded, SignInLoad, PresenceConnect,
    ];

    /// <summary>Hashing on the requests' own threads, as before the hashing pool: the same run's "before".</summary>
    private static readonly Dictionary<string, string?> UnboundedHashing = new() { ["Community:Limits:PasswordHashConcurrency"] = "0" };

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(string name, BenchOptions options)
    {
        // Many rooms: one per sender, as long as each room gets a receiver.
        var manyRooms = Math.Min(options.Senders, options.Receivers);
        var (postgres, nodeCount, rooms, baseline, setup) = name switch
        {
            Sqlite => (false, 1, 1, true, "1 node, SQLite"),
            Postgres => (true, 1, 1, true, "1 node, PostgreSQL"),
            TwoNodes => (true, 2, 1, false, "2 nodes, 1 PostgreSQL"),
            TwoNodesRooms => (true, 2, manyRooms, false, $"2 nodes, 1 PG, {manyRooms} rooms"),
            DmPingPong => (false, 1, 1, false, "1 node, SQLite"),
            SteadyInline => (false, 1, 1, false, "SQLite, node process, checkpoint in commit"),
            Steady => (false, 1, 1, true, "SQLite, node process, checkpoint apart"),
            Sweep => (false, 1, 1, true, "1 node, SQLite"),
            IdleConnections => (false, 1, 1, true, $"1 node, SQLite, {options.Connections:#,0} connections"),
            Secretariat => (false, 1, 1, false, $"1 node, SQLite, {options.Members:#,0} members, {options.Connected:#,0} connected"),
            StorageSqlite => (false, 1, 1, false, "SQLite message, room and member stores"),
            StoragePostgres => (true, 1, 1, false, "PostgreSQL message, room and member stores"),
            SignInLoadUnbounded => (false, 1, 1, false, "SQLite, hashing unbounded"),
            SignInLoad => (false, 1, 1, false, "SQLite, hashing pool"),
            PresenceConnect => (false, 1, 1, false, $"SQLite, {options.Members:#,0} members"),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such scenario"),
        };
        var logs = BenchLogs.New();
        CommunityNode[] nodes = [];
        NodeProcess? nodeProcess = null;
        BareServer? bare = null;
        IReadOnlyList<ScenarioResult> results;
        try
        {
            var checkpoints = name == SteadyInline ? SqliteCheckpointOptions.Inline : SqliteCheckpointOptions.Background;
            // The steady scenarios look for what pauses the node: it runs in a process of its own, its GC apart from the load client's.
            if (name is SteadyInline or Steady) nodeProcess = await NodeProcess.StartAsync(checkpoints);
            else nodes = await BenchNodes.StartAsync(postgres, nodeCount, logs.Product, checkpoints, name == SignInLoadUnbounded ? UnboundedHashing : null);
            if (baseline) bare = await BareServer.StartAsync(logs.Bare);
            results = name switch
            {
                DmPingPong => [await PingPongScenario.RunAsync(name, setup, nodes[0], options, logs.Product)],
                SteadyInline or Steady => await SteadyScenario.RunAsync(name, setup, new RemoteProductServer(nodeProcess!), bare, options, logs),
                Sweep => await SweepScenario.RunAsync(name, setup, new ProductServer(nodes), bare!, options, logs),
                IdleConnections => [await BroadcastScenario.RunAsync(name, setup, nodes[0], bare, options.Connections, options.Connections, reach: false, logs.Product)],
                Secretariat => [await BroadcastScenario.RunAsync(name, setup, nodes[0], bare: null, options.Members, options.Connected, reach: true, logs.Product)],
                StorageSqlite or StoragePostgres => [await StorageScenario.RunAsync(name, setup, nodes[0], postgres, options, logs.Product)],
                SignInLoadUnbounded or SignInLoad => [await SignInLoadScenario.RunAsync(name, setup, nodes[0], options, logs.Product)],
                PresenceConnect => [await PresenceConnectScenario.RunAsync(name, setup, nodes[0], options, logs.Product)],
                _ => [await FanOutScenario.RunAsync(name, setup, nodes, bare, rooms, options, logs)],
            };
        }
        catch (Exception e)
        {
            results = [ScenarioResult.Failed(name, setup, e, logs.Product.Lines)];
        }

        // A server that will not stop is a finding of the scenario, not the end of the run.
        string[] stopping = [];
        try
        {
            if (bare is not null) await bare.DisposeAsync();
            await BenchNodes.StopAsync(nodes);
            if (nodeProcess is not null) await nodeProcess.DisposeAsync();
        }
        catch (Exception e)
        {
            stopping = [$"stopping the servers: {e.GetType().Name}: {e.Message}"];
        }
        Progress.Clear();

        // The servers' logs cover the whole scenario: shown once, with its first result.
        var load = LoadAverage();
        return results.Select((r, i) => r with
        {
            Load = load,
            Problems = i == 0 ? [.. r.Problems, .. stopping] : r.Problems,
            ServerLog = i == 0 ? [.. r.ServerLog, .. nodeProcess?.Log ?? []] : [],
            Bare = r.Bare is null ? null : r.Bare with { Load = load, ServerLog = i == 0 ? r.Bare.ServerLog : [] },
        }).ToArray();
    }

    /// <summary>The one-minute load average, where Linux tells it.</summary>
    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load)
            ? load
            : double.NaN;
}
