using System.Diagnostics;
using Community.Bench.Fleet;
using Community.Grains.Rooms;
using Community.Tests.Support;

namespace Community.Bench;

/// <summary>
/// A network of many members on one node, some of them connected (each through the real hub with a
/// real token, held by a child process: <see cref="ConnectionFleet"/>), and a secretariat post in the
/// broadcast channel: how fast they connect, what each connection costs the node in memory, and how
/// long until the last connection has the post. With bare SignalR, the same number of connections and
/// the same posts go to the bare hub first, for the ratios. With <c>reach</c>, every connection marks
/// the post read, and the secretariat's reach query is timed afterwards.
/// </summary>
internal static class BroadcastScenario
{
    /// <summary>Resident memory per idle connection beyond the process without them.</summary>
    public const double KilobytesPerConnectionTarget = 20;

    /// <summary>Files the node holds beside its connections (databases, Orleans, the secretariat's client): kept free under the limit.</summary>
    private const int FilesBesideConnections = 300;

    private const int ReachQueries = 50;

    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(5);

    public static async Task<ScenarioResult> RunAsync(string name, string setup, CommunityNode node, Bare.BareServer? bare, int members, int connections,
        bool reach, CapturingLoggerProvider log)
    {
        var (figures, notes, problems) = (new List<Figure>(), new List<string>(), new List<string>());
        var (soft, hard) = ProcessMemory.FileLimit();
        var possible = (int)Math.Clamp(soft - FilesBesideConnections, 0, int.MaxValue);
        if (possible < connections)
        {
            notes.Add($"capped at {possible:#,0} connections by the open-file limit (soft {soft:#,0}, hard {hard:#,0}): bench/run.sh raises it to the hard limit; " +
                      "to raise the hard limit, run as root with `ulimit -n`, or set LimitNOFILE= (systemd) or --ulimit nofile= (containers)");
            connections = possible;
        }
        members = Math.Max(members, connections);

        var secretariat = await new Network(node).SecretariatAsync();
        var (_, tokens, seeding) = await MemberSeeding.SeedAsync(node, members, "crowd", name);
        figures.Add(new Figure("members created through the stores", members / seeding.TotalSeconds, "members/s"));

        var sides = new List<Side>();
        if (bare is not null)
        {
            // The framework's own cost of the same connections and the same post, first, while the node is still idle.
            await using var poster = await HubTestClient.ConnectAsync(bare.BaseAddress, token: null);
            sides.Add(await MeasureAsync("bare SignalR: ", bare.BaseAddress, Enumerable.Repeat("none", connections).ToArray(), poster, false, figures, problems, name));
        }
        await using (var poster = await node.ConnectAsync(secretariat))
        {
            var product = await MeasureAsync("", node.BaseAddress, tokens.Take(connections).ToArray(), poster, reach, figures, problems, name);
            if (reach) problems.AddRange(await TimeReachAsync(secretariat, product.Seq, product.Read, figures));
            sides.Insert(0, product);
        }
        if (sides is [var p, var b])
        {
            figures.Add(new Figure("product / bare SignalR: RSS per connection", p.KilobytesPerConnection / b.KilobytesPerConnection, "x"));
            figures.Add(new Figure("product / bare SignalR: broadcast to idle connections, last has it", p.IdleBroadcastMs / b.IdleBroadcastMs, "x"));
        }
        return new ScenarioResult(name, setup, 0, double.NaN, double.NaN, "", Latency.None, Latency.None, problems, log.Lines)
        {
            Figures = figures, Notes = notes,
        };
    }

    /// <summary>
    /// Connects the fleet, posts right after the connects and again once they are idle, and reads the
    /// node's memory before the connections and after them (once the first post has reached them all).
    /// </summary>
    private static async Task<Side> MeasureAsync(string who, Uri server, string[] tokens, HubTestClient poster, bool markRead,
        List<Figure> figures, List<string> problems, string name)
    {
        // An untimed first post: the server's send path compiled before anything is timed.
        await poster.InvokeAsync("SendMessage", BroadcastChannel.Id, new { clientMsgId = $"bench-warmup-{Stopwatch.GetTimestamp()}", text = "warm-up" });
        var before = ProcessMemory.SettledRssBytes();
        var (fleet, connected) = await ConnectionFleet.ConnectAsync(server, tokens, BroadcastChannel.Id, markRead, $"{name}: {who}");
        await using (fleet)
        {
            figures.Add(new Figure($"{who}connections ready (in their rooms)", connected.Count, "connections"));
            figures.Add(new Figure($"{who}connect rate", connected.PerSecond, "connections/s"));
            if (connected.Failed > 0) problems.Add($"{who}{connected.Failed} of {tokens.Length} connections failed; the first: {connected.FirstError}");

            // Right after the connects, the post queues behind what they set off: on the product, each connect tells every
            // online member who shares a room with the member (the broadcast channel: everyone) that one more is online.
            var (rush, _) = await BroadcastAsync(poster, fleet, connected.Count, $"{who}broadcast right after the connects", figures, problems, name);
            figures.Add(new Figure($"{who}presence events the connections heard by then", rush.Delivered.PresenceEvents, "events"));
            var after = ProcessMemory.SettledRssBytes();
            var perConnection = (after - before) / 1024 / Math.Max(1, connected.Count);
            figures.Add(new Figure($"{who}node RSS before the connections", before / 1024 / 1024, "MB"));
            figures.Add(new Figure($"{who}node RSS per connection, after a full GC", perConnection, "KB",
                $"<= {KilobytesPerConnectionTarget:0} KB", perConnection <= KilobytesPerConnectionTarget));

            var (idle, seq) = await BroadcastAsync(poster, fleet, connected.Count, $"{who}broadcast to idle connections", figures, problems, name);
            return new Side(perConnection, Latency.Milliseconds(idle.Delivered.LastArrival - idle.SentAt), seq, idle.Delivered.Read);
        }
    }

    /// <summary>What one server's connections cost: memory per connection, the idle post's last delivery, its seq and how many read it.</summary>
    private sealed record Side(double KilobytesPerConnection, double IdleBroadcastMs, long Seq, int Read);

    /// <summary>The secretariat posts in the broadcast channel; how long until the first and the last connection have it.</summary>
    private static async Task<((ConnectionFleet.Delivered Delivered, long SentAt) Post, long Seq)> BroadcastAsync(HubTestClient secretariat, ConnectionFleet fleet,
        int connections, string when, List<Figure> figures, List<string> problems, string name)
    {
        Progress.Show($"{name}: {when}, to {connections:#,0} connections");
        var sentAt = Stopwatch.GetTimestamp();
        var post = await secretariat.InvokeAsync("SendMessage", BroadcastChannel.Id, new { clientMsgId = $"bench-broadcast-{sentAt}", text = "忘年会のお知らせ: 12月20日 19時〜 @渋谷" });
        figures.Add(new Figure($"{when}: acknowledged", Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds, "ms"));
        var delivered = await fleet.ReportAsync(post.Long("seq"), DeliveryTimeout);
        if (delivered.Count < connections) problems.Add($"{when}: {delivered.Count} of {connections} connections had it within {DeliveryTimeout.TotalMinutes} min");
        if (delivered.Count > 0)
        {
            figures.Add(new Figure($"{when}: first connection has it", Latency.Milliseconds(delivered.FirstArrival - sentAt), "ms"));
            figures.Add(new Figure($"{when}: last connection has it", Latency.Milliseconds(delivered.LastArrival - sentAt), "ms"));
        }
        return ((delivered, sentAt), post.Long("seq"));
    }

    /// <summary>Times the reach query, once every connection's read marker is stored; the problems it finds.</summary>
    private static async Task<IEnumerable<string>> TimeReachAsync(TestMember secretariat, long seq, int read, List<Figure> figures)
    {
        var path = $"/api/admin/broadcasts/{seq}/reach";
        var ticks = new List<long>();
        System.Text.Json.JsonElement answer = default;
        for (var i = 0; i < ReachQueries; i++)
        {
            var at = Stopwatch.GetTimestamp();
            answer = await secretariat.GetAsync(path);
            ticks.Add(Stopwatch.GetTimestamp() - at);
        }
        var latency = Latency.Of(ticks);
        figures.Add(new Figure($"reach query p50 ({ReachQueries} queries)", latency.P50, "ms"));
        figures.Add(new Figure($"reach query p99 ({ReachQueries} queries)", latency.P99, "ms"));
        figures.Add(new Figure("reach: members / read", answer.Long("members"), $"members, {answer.Long("read"):#,0} read"));
        return answer.Long("read") >= read ? [] : [$"the reach query counts {answer.Long("read")} reads; {read} connections marked the post read"];
    }
}
