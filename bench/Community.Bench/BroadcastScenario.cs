using System.Diagnostics;
using Community.Bench.Fleet;
using Community.Grains.Rooms;
using Community.Grains.Storage;
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
    private const int FilesBesideConnections = 1000;

    private const int ReachQueries = 50;

    /// <summary>Posts to the idle connections, for a median: one post alone says little on a busy machine.</summary>
    private const int IdlePosts = 5;

    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(3);

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
        var (ids, tokens, seeding) = await MemberSeeding.SeedAsync(node, members, "crowd", name);
        figures.Add(new Figure("members created through the stores", members / seeding.TotalSeconds, "members/s"));

        var sides = new List<Side>();
        if (bare is not null)
        {
            // The framework's own cost of the same connections and the same post, first, while the node is still idle.
            await using var poster = await HubTestClient.ConnectAsync(bare.BaseAddress, token: null);
            sides.Add(await MeasureAsync("bare SignalR: ", bare.BaseAddress, Enumerable.Repeat("none", connections).ToArray(), poster, null, figures, problems, name));
        }
        await using (var poster = await node.ConnectAsync(secretariat))
        {
            sides.Insert(0, await MeasureAsync("", node.BaseAddress, tokens.Take(connections).ToArray(), poster, reach ? secretariat : null, figures, problems, name));
        }
        await CaughtUpAsync(node, ids.Take(connections).ToArray(), figures, problems, name);
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
    /// Connects the fleet, posts right after the connects and again, a few times, once they are idle,
    /// and reads the node's memory before the connections and after them (once the first post has
    /// reached them all, so that nothing is queued for them any more).
    /// </summary>
    private static async Task<Side> MeasureAsync(string who, Uri server, string[] tokens, HubTestClient poster, TestMember? reach,
        List<Figure> figures, List<string> problems, string name)
    {
        var markRead = reach is not null;
        // An untimed first post: the server's send path compiled before anything is timed.
        await poster.InvokeAsync("SendMessage", BroadcastChannel.Id, new { clientMsgId = $"bench-warmup-{Stopwatch.GetTimestamp()}", text = "warm-up" });
        var before = ProcessMemory.SettledRssBytes();
        var (fleet, connected) = await ConnectionFleet.ConnectAsync(server, tokens, BroadcastChannel.Id, markRead, $"{name}: {who}".TrimEnd(' ', ':'));
        await using (fleet)
        {
            figures.Add(new Figure($"{who}connections ready (in their rooms)", connected.Count, "connections"));
            figures.Add(new Figure($"{who}connect rate", connected.PerSecond, "connections/s"));
            if (connected.Failed > 0) problems.Add($"{who}{connected.Failed} of {tokens.Length} connections failed; the first: {connected.FirstError}");

            // Right after the connects, the post queues behind what they set off: on the product, each connect tells every
            // online member who shares a room with the member (the broadcast channel: everyone) that one more is online.
            Progress.Show($"{name}: {who}broadcast right after the connects, to {connected.Count:#,0} connections");
            var rush = await PostAsync(poster, fleet);
            Add(figures, $"{who}broadcast right after the connects", rush);
            figures.Add(new Figure($"{who}presence events the connections heard by then", rush.PresenceEvents, "events"));
            var after = ProcessMemory.SettledRssBytes();
            var perConnection = (after - before) / 1024 / Math.Max(1, connected.Count);
            var queued = rush.Count < connected.Count ? " (events still queued for them)" : "";
            figures.Add(new Figure($"{who}node RSS before the connections", before / 1024 / 1024, "MB"));
            figures.Add(new Figure($"{who}node RSS per connection, after a full GC{queued}", perConnection, "KB",
                $"<= {KilobytesPerConnectionTarget:0} KB", perConnection <= KilobytesPerConnectionTarget));
            if (rush.Count < connected.Count)
            {
                problems.Add($"{who}broadcast right after the connects: {rush.Count} of {connected.Count} connections had it within " +
                             $"{DeliveryTimeout.TotalMinutes} min, so the posts to idle connections were not measured");
                if (reach is not null) problems.AddRange(await TimeReachAsync(reach, rush.Seq, rush.Read, figures));
                return new Side(perConnection, double.NaN);
            }

            var idle = new List<Post>();
            for (var i = 1; i <= IdlePosts; i++)
            {
                Progress.Show($"{name}: {who}broadcast {i} of {IdlePosts} to {connected.Count:#,0} idle connections");
                var post = await PostAsync(poster, fleet);
                idle.Add(post);
                if (post.Count < connected.Count)
                {
                    problems.Add($"{who}broadcast to idle connections: {post.Count} of {connected.Count} connections had it within {DeliveryTimeout.TotalMinutes} min");
                    break;
                }
            }
            var median = idle.OrderBy(p => p.LastMs).ElementAt(idle.Count / 2);
            Add(figures, $"{who}broadcast to idle connections (median of {idle.Count})", median);
            figures.Add(new Figure($"{who}broadcast to idle connections: last has it, worst of {idle.Count}", idle.Max(p => p.LastMs), "ms"));
            if (reach is not null) problems.AddRange(await TimeReachAsync(reach, idle[^1].Seq, idle[^1].Read, figures));
            return new Side(perConnection, median.LastMs);
        }
    }

    /// <summary>What one server's connections cost: memory per connection and the idle posts' median last delivery.</summary>
    private sealed record Side(double KilobytesPerConnection, double IdleBroadcastMs);

    /// <summary>
    /// Once the fleet has gone (every socket closed at once), waits until the node has them all
    /// offline, so that the next scenario does not run beside the disconnects, and times it.
    /// </summary>
    private static async Task CaughtUpAsync(CommunityNode node, string[] memberIds, List<Figure> figures, List<string> problems, string name)
    {
        var presence = node.GetRequiredService<IPresenceStore>();
        var start = Stopwatch.GetTimestamp();
        using var every = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        var online = memberIds.Length;
        while ((online = (await presence.OnlineAsync(memberIds)).Count) > 0 && Stopwatch.GetElapsedTime(start) < DeliveryTimeout)
        {
            Progress.Show($"{name}: {online:#,0} of {memberIds.Length:#,0} members still online after their connections closed");
            await every.WaitForNextTickAsync();
        }
        if (online > 0) problems.Add($"{online} of {memberIds.Length} members were still online {DeliveryTimeout.TotalMinutes} min after their connections closed");
        else figures.Add(new Figure($"all {memberIds.Length:#,0} offline after their connections closed at once", Stopwatch.GetElapsedTime(start).TotalSeconds, "s"));
    }

    /// <summary>One post: how many connections had it, when it was acknowledged and when the first and the last had it (ms after the send call), how many read it, and the presence events heard so far.</summary>
    private sealed record Post(long Seq, int Count, double AckMs, double FirstMs, double LastMs, int Read, long PresenceEvents);

    /// <summary>The secretariat posts in the broadcast channel, and the fleet reports when its connections have the post.</summary>
    private static async Task<Post> PostAsync(HubTestClient secretariat, ConnectionFleet fleet)
    {
        var sentAt = Stopwatch.GetTimestamp();
        var post = await secretariat.InvokeAsync("SendMessage", BroadcastChannel.Id, new { clientMsgId = $"bench-broadcast-{sentAt}", text = "忘年会のお知らせ: 12月20日 19時〜 @渋谷" });
        var ack = Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds;
        var delivered = await fleet.ReportAsync(post.Long("seq"), DeliveryTimeout);
        return new Post(post.Long("seq"), delivered.Count, ack, Latency.Milliseconds(delivered.FirstArrival - sentAt), Latency.Milliseconds(delivered.LastArrival - sentAt),
            delivered.Read, delivered.PresenceEvents);
    }

    private static void Add(List<Figure> figures, string what, Post post)
    {
        figures.Add(new Figure($"{what}: acknowledged", post.AckMs, "ms"));
        if (post.Count == 0) return;
        figures.Add(new Figure($"{what}: first has it", post.FirstMs, "ms"));
        figures.Add(new Figure($"{what}: last has it", post.LastMs, "ms"));
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
