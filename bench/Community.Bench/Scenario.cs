using System.Globalization;
using Community.Silo.Storage.Sqlite;
using Community.Tests.Support;

namespace Community.Bench;

/// <summary>The scenarios by name; each starts its own nodes and stops them when done.</summary>
internal static class Scenario
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string TwoNodes = "postgres-2nodes";
    public const string TwoNodesRooms = "postgres-2nodes-rooms";
    public const string DmPingPong = "dm-pingpong";
    public const string SteadyInline = "steady-sqlite-inline";
    public const string Steady = "steady-sqlite";

    public static readonly string[] Names = [Sqlite, Postgres, TwoNodes, TwoNodesRooms, DmPingPong, SteadyInline, Steady];

    public static async Task<ScenarioResult> RunAsync(string name, BenchOptions options)
    {
        // Many rooms: one per sender, as long as each room gets a receiver.
        var manyRooms = Math.Min(options.Senders, options.Receivers);
        var (postgres, nodeCount, rooms, setup) = name switch
        {
            Sqlite => (false, 1, 1, "1 node, SQLite"),
            Postgres => (true, 1, 1, "1 node, PostgreSQL"),
            TwoNodes => (true, 2, 1, "2 nodes, 1 PostgreSQL"),
            TwoNodesRooms => (true, 2, manyRooms, $"2 nodes, 1 PG, {manyRooms} rooms"),
            DmPingPong => (false, 1, 1, "1 node, SQLite"),
            SteadyInline => (false, 1, 1, "SQLite, checkpoint in commit"),
            Steady => (false, 1, 1, "SQLite, checkpoint apart"),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such scenario"),
        };
        var log = new CapturingLoggerProvider();
        CommunityNode[] nodes = [];
        try
        {
            var checkpoints = name == SteadyInline ? SqliteCheckpointOptions.Inline : SqliteCheckpointOptions.Background;
            nodes = await BenchNodes.StartAsync(postgres, nodeCount, log, checkpoints);
            var result = name switch
            {
                DmPingPong => await PingPongScenario.RunAsync(name, setup, nodes[0], options, log),
                SteadyInline or Steady => await SteadyScenario.RunAsync(name, setup, nodes[0], sqlite: true, options, log),
                _ => await FanOutScenario.RunAsync(name, setup, nodes, rooms, options, log),
            };
            return result with { Load = LoadAverage() };
        }
        catch (Exception e)
        {
            return ScenarioResult.Failed(name, setup, e, log.Lines) with { Load = LoadAverage() };
        }
        finally
        {
            await BenchNodes.StopAsync(nodes);
        }
    }

    /// <summary>The one-minute load average, where Linux tells it.</summary>
    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load)
            ? load
            : double.NaN;
}
