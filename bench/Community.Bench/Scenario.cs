using System.Globalization;
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
    public const string SignInLoadUnbounded = "signin-load-unbounded";
    public const string SignInLoad = "signin-load";
    public const string PresenceConnect = "presence-connect";

    public static readonly string[] Names = [Sqlite, Postgres, TwoNodes, TwoNodesRooms, DmPingPong, SignInLoadUnbounded, SignInLoad, PresenceConnect];

    /// <summary>Hashing on the requests' own threads, as before the hashing pool: the same run's "before".</summary>
    private static readonly Dictionary<string, string?> UnboundedHashing = new() { ["Community:Limits:PasswordHashConcurrency"] = "0" };

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
            SignInLoadUnbounded => (false, 1, 1, "SQLite, hashing unbounded"),
            SignInLoad => (false, 1, 1, "SQLite, hashing pool"),
            PresenceConnect => (false, 1, 1, $"SQLite, {PresenceConnectScenario.NetworkSize} members"),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such scenario"),
        };
        var log = new CapturingLoggerProvider();
        CommunityNode[] nodes = [];
        try
        {
            nodes = await BenchNodes.StartAsync(postgres, nodeCount, log, name == SignInLoadUnbounded ? UnboundedHashing : null);
            var result = name switch
            {
                DmPingPong => await PingPongScenario.RunAsync(name, setup, nodes[0], options, log),
                SignInLoadUnbounded or SignInLoad => await SignInLoadScenario.RunAsync(name, setup, nodes[0], options, log),
                PresenceConnect => await PresenceConnectScenario.RunAsync(name, setup, nodes[0], options, log),
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
            try
            {
                await BenchNodes.StopAsync(nodes);
            }
            catch (TimeoutException e)
            {
                // What was measured stands; a node that would not stop in time is said, not fatal.
                Console.Error.WriteLine($"{name}: a node did not stop in time ({e.Message})");
            }
        }
    }

    /// <summary>The one-minute load average, where Linux tells it.</summary>
    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load)
            ? load
            : double.NaN;
}
