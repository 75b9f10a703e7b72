using System.Diagnostics;
using Community.Gateway.Auth;
using Community.Grains.Members;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Community.Bench;

/// <summary>
/// How many <c>presence</c> events one member's connect and disconnect cost in a network of
/// <c>--members</c> (5,000) with <c>--connected</c> (2,000) of them online. The members and their
/// tokens are seeded through the node's stores (<see cref="MemberSeeding"/>), their talk rooms
/// (25 members each) too; every connection is a real one through Kestrel and the hub. Each sample connects a member who
/// was offline, posts a broadcast message as a fence that every connection must hear, and counts
/// the presence events about the member that the connections heard before it; then the same for
/// the member's disconnect. A second round does it again with each connected client watching 30
/// members at random (<c>SubscribePresence</c>, a directory page on every screen).
/// </summary>
internal static class PresenceConnectScenario
{
    private const int RoomSize = 25;
    private const int MostSamples = 20;
    private const int WatchedPerClient = 30;
    private const int ConnectingAtOnce = 20;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>How long the events of connecting everyone may take to go out: with presence for the whole network, a quadratic number.</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(30);

    public static async Task<ScenarioResult> RunAsync(string name, string setup, CommunityNode node, BenchOptions options, CapturingLoggerProvider log)
    {
        // Online: two in five of each room, room after room; the samples come from the rest.
        var online = Math.Min(options.Connected, options.Members * 2 / 5);
        var (ids, tokens, seeded) = await MemberSeeding.SeedAsync(node, options.Members, "pc", "presence");
        var built = Stopwatch.GetTimestamp();
        await CreateRoomsAsync(node, ids);
        var roomSeconds = Stopwatch.GetElapsedTime(built).TotalSeconds;
        var tokenOf = ids.Zip(tokens).ToDictionary(p => p.First, p => p.Second);
        var onlineIds = ids.Where((_, i) => i % 5 < 2).Take(online).ToArray();
        var candidates = ids.Where((_, i) => i % 5 == 2).ToArray();
        var samples = Math.Min(MostSamples, candidates.Length / 2);
        var subjects = candidates.Take(2 * samples).ToArray();

        var tally = new PresenceTally();
        var fence = new BroadcastFence();
        var secretariat = await new Network(node).SecretariatAsync();
        await using var poster = await node.ConnectAsync(secretariat);
        var clients = new List<PresenceClient>();
        try
        {
            var connecting = Stopwatch.GetTimestamp();
            foreach (var batch in onlineIds.Chunk(ConnectingAtOnce))
                clients.AddRange(await Task.WhenAll(batch.Select(id => PresenceClient.ConnectAsync(node.BaseAddress, id, tokenOf[id], tally, fence))));
            // Every connect's presence events must have gone out before the samples count theirs.
            await PassFenceAsync(poster, fence, clients.Count, SettleTimeout);
            var connectSeconds = Stopwatch.GetElapsedTime(connecting).TotalSeconds;

            var connects = new List<long>();
            var plain = await SampleAsync(subjects[..samples], node, tokenOf, clients.Count, tally, fence, poster, connects);
            var watched = await WatchAtRandomAsync(clients, ids);
            (Spread Connect, Spread Disconnect)? withWatching = watched
                ? await SampleAsync(subjects[samples..], node, tokenOf, clients.Count, tally, fence, poster, connects)
                : null;

            List<string> notes =
            [
                $"{ids.Length} members in {Math.Max(1, ids.Length / RoomSize)} talk rooms of {RoomSize}, all in the broadcast channel; seeded in {seeded.TotalSeconds:0} s, rooms in {roomSeconds:0} s",
                $"{clients.Count} members online (two in five of each room, room after room) and the secretariat, connected and their events sent in {connectSeconds:0} s",
                $"presence events per connect:    {plain.Connect}   per disconnect: {plain.Disconnect}",
                withWatching is { } w
                    ? $"each online client watching {WatchedPerClient} members at random: per connect {w.Connect}   per disconnect: {w.Disconnect}"
                    : "SubscribePresence is not offered by this build: no round with watching clients",
            ];
            // Printed at once as well: with presence for the whole network, stopping a node with
            // thousands of connections can take longer than the run has patience for.
            foreach (var note in notes) Console.WriteLine($"  {note}");
            return new ScenarioResult(name, setup, connects.Count, double.NaN, double.NaN, "connect to ready",
                Latency.Of(connects), Latency.None, [], log.Lines) { Notes = notes };
        }
        finally
        {
            foreach (var batch in clients.Chunk(100)) await Task.WhenAll(batch.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    /// <summary>Talk rooms of <see cref="RoomSize"/> of the members, in order, straight into the room store.</summary>
    private static async Task CreateRoomsAsync(CommunityNode node, string[] ids)
    {
        var rooms = node.GetRequiredService<IRoomStore>();
        var now = DateTimeOffset.UtcNow;
        foreach (var (chunk, r) in ids.Chunk(RoomSize).Select((chunk, r) => (chunk, r)))
        {
            var roomId = $"r_bench{r:0000}";
            var roll = chunk.Select((id, i) => new RoomMember(roomId, id, i == 0 ? RoomRoles.Owner : RoomRoles.Member, now, 0)).ToArray();
            await rooms.CreateAsync(new RoomInfo(roomId, RoomKinds.Room, $"Bench room {r}", "", Visibility.Public, roll[0].MemberId, now, 0), roll);
        }
    }

    /// <summary>Each sample member connects, then disconnects; the presence events about them that the connections heard, each time.</summary>
    private static async Task<(Spread Connect, Spread Disconnect)> SampleAsync(IEnumerable<string> subjects, CommunityNode node,
        Dictionary<string, string> tokenOf, int connections, PresenceTally tally, BroadcastFence fence,
        HubTestClient poster, List<long> connectTimes)
    {
        var onConnect = new List<int>();
        var onDisconnect = new List<int>();
        foreach (var subject in subjects)
        {
            var at = Stopwatch.GetTimestamp();
            var client = await PresenceClient.ConnectAsync(node.BaseAddress, subject, tokenOf[subject], new PresenceTally(), new BroadcastFence());
            connectTimes.Add(Stopwatch.GetTimestamp() - at);
            // The presence event left before "ready"; the fence leaves after it, through the same queue.
            await PassFenceAsync(poster, fence, connections);
            onConnect.Add(tally.Heard(subject, online: true));

            await client.DisposeAsync();
            // The member's online room-mates hear the offline event whichever build runs: once one has,
            // the node has handled the disconnect, and the fence leaves after the event.
            await WaitUntilAsync(() => tally.Heard(subject, online: false) > 0);
            await PassFenceAsync(poster, fence, connections);
            onDisconnect.Add(tally.Heard(subject, online: false));
        }
        return (Spread.Of(onConnect), Spread.Of(onDisconnect));
    }

    private static async Task PassFenceAsync(HubTestClient poster, BroadcastFence fence, int connections, TimeSpan? timeout = null)
    {
        var post = await poster.InvokeAsync("SendMessage", BroadcastChannel.Id, new { clientMsgId = Guid.NewGuid().ToString("n"), text = "fence" });
        await fence.ArmAsync(post.Long("seq"), connections).WaitAsync(timeout ?? Timeout);
    }

    /// <summary>Every online client watches <see cref="WatchedPerClient"/> members at random; false when the hub has no such method.</summary>
    private static async Task<bool> WatchAtRandomAsync(List<PresenceClient> clients, string[] ids)
    {
        var random = new Random(4711);
        try
        {
            foreach (var batch in clients.Chunk(ConnectingAtOnce))
                await Task.WhenAll(batch.Select(c => c.InvokeAsync("SubscribePresence",
                    (object)random.GetItems(ids, WatchedPerClient).Where(id => id != c.MemberId).Distinct().ToArray())));
            return true;
        }
        catch (HubException e) when (e.Message.Contains("SubscribePresence", StringComparison.Ordinal) || e.Message.StartsWith("not_found", StringComparison.Ordinal)
                                     || e.Message.Contains("does not exist", StringComparison.Ordinal))
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Timeout.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException("the disconnect was never announced");
            await Task.Delay(10);
        }
    }

    /// <summary>The mean, least and most of a count.</summary>
    private sealed record Spread(double Mean, int Min, int Max)
    {
        public static Spread Of(IReadOnlyList<int> counts) => new(counts.Average(), counts.Min(), counts.Max());

        public override string ToString() => $"{Mean,7:0.0} (min {Min}, max {Max})";
    }
}
