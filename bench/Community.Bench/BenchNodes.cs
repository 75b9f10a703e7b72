using Community.Silo.Storage.Sqlite;
using Community.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Community.Bench;

/// <summary>Nodes for a scenario: real Kestrel in this process, on SQLite or on one new PostgreSQL database, with their warnings and errors kept.</summary>
internal static class BenchNodes
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        // The per-member token bucket (30, then 5/s) would pace the senders: measure the server, not the limiter.
        ["Community:Limits:MessageBurst"] = "1000000",
        ["Community:Limits:MessagesPerSecond"] = "1000000",
    };

    public static async Task<CommunityNode[]> StartAsync(bool postgres, int count, CapturingLoggerProvider log, string sqliteCheckpoints,
        IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var database = postgres ? await CommunityNode.CreatePostgresDatabaseAsync() : null;
        var settings = new Dictionary<string, string?>(Settings) { [$"{SqliteCheckpointOptions.Section}:Mode"] = sqliteCheckpoints };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>()) settings[key] = value;
        if (count > 1)
        {
            // Several nodes form one Orleans cluster of their own, their hub events carried by Redis.
            settings["Community:Orleans:ClusterId"] = "bench" + Guid.NewGuid().ToString("N")[..8];
            settings["ConnectionStrings:Redis"] = await RedisServer.ConnectionStringAsync();
        }
        var nodes = new List<CommunityNode>();
        try
        {
            for (var i = 0; i < count; i++)
                nodes.Add(await CommunityNode.StartAsync(settings: settings, configure: b => Keep(b, log), postgresConnectionString: database));
            return nodes.ToArray();
        }
        catch
        {
            await StopAsync(nodes);
            throw;
        }
    }

    /// <summary>Stops every node, even when one of them fails to; then throws the first failure.</summary>
    public static async Task StopAsync(IEnumerable<CommunityNode> nodes)
    {
        Exception? first = null;
        foreach (var node in nodes)
        {
            try
            {
                await node.DisposeAsync();
            }
            catch (Exception e)
            {
                first ??= e;
            }
        }
        if (first is not null) throw first;
    }

    private static void Keep(WebApplicationBuilder builder, CapturingLoggerProvider log)
    {
        // Warnings and errors, as the node's own console logs them; the categories it quiets stay quiet.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A build without the web client (-p:BuildClientApp=false) has no static files to serve; the hot path does not need them.
        builder.Logging.AddFilter("Microsoft.AspNetCore.StaticFiles", LogLevel.Error);
        builder.Logging.AddProvider(log);
    }
}
