using System.Diagnostics;
using Community.Tests.Support;

namespace Community.Bench;

/// <summary>
/// Two members in a DM: one sends a ping, the other answers each ping as it arrives, and the round
/// trip runs from the ping's send call until the pong arrives back.
/// </summary>
internal static class PingPongScenario
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<ScenarioResult> RunAsync(string name, string setup, CommunityNode node, BenchOptions options, CapturingLoggerProvider log)
    {
        var network = new Network(node);
        var pinger = await network.JoinAsync("pinger");
        var ponger = await network.JoinAsync("ponger");
        var dm = (await pinger.OpenDmAsync(ponger.Id)).Str("id");
        await using var ping = await node.ConnectAsync(pinger);
        await using var pong = await node.ConnectAsync(ponger);

        // The ponger answers every ping until the pinger says it is done.
        const string Done = "done";
        var answering = Task.Run(async () =>
        {
            for (var n = 0; ; n++)
            {
                var received = await pong.WaitForEventAsync("message", m => m.Str("senderId") == pinger.Id, Timeout);
                if (received.Str("text") == Done) return;
                await pong.InvokeAsync("SendMessage", dm, new { clientMsgId = $"pong-{n}", text = $"pong {n}" });
            }
        });

        var pings = 0;
        async Task<(long RoundTrip, long Ack)> RoundTripAsync()
        {
            var n = pings++;
            var at = Stopwatch.GetTimestamp();
            var acknowledged = AcknowledgedAtAsync(ping.InvokeAsync("SendMessage", dm, new { clientMsgId = $"ping-{n}", text = $"ping {n}" }));
            await ping.WaitForEventAsync("message", m => m.Str("senderId") == ponger.Id, Timeout);
            var back = Stopwatch.GetTimestamp();
            return (back - at, await acknowledged - at);
        }

        await JitSettling.WarmUpAsync(async _ =>
        {
            for (var n = 0; n < BenchOptions.WarmupMessages; n++) await RoundTripAsync();
            return 0;
        });
        var roundTrips = new List<long>();
        var acks = new List<long>();
        var start = Stopwatch.GetTimestamp();
        for (var n = 0; n < options.Messages; n++)
        {
            var (roundTrip, ack) = await RoundTripAsync();
            roundTrips.Add(roundTrip);
            acks.Add(ack);
        }
        var elapsed = Stopwatch.GetTimestamp() - start;
        await ping.InvokeAsync("SendMessage", dm, new { clientMsgId = Done, text = Done });
        await ping.WaitForEventAsync("message", m => m.Str("text") == Done, Timeout);
        await answering.WaitAsync(Timeout);

        // Each side hears both its own messages and the other's: 1, 2, 3… in order, each once; the last one says done.
        var seqs = Enumerable.Range(1, 2 * pings + 1).Select(i => (long)i).ToArray();
        var problems = new[] { DeliveryCheck.Problem("the pinger", ping, dm, seqs), DeliveryCheck.Problem("the ponger", pong, dm, seqs) }
            .OfType<string>().ToList();
        var seconds = (double)elapsed / Stopwatch.Frequency;
        return new ScenarioResult(name, setup, 2 * options.Messages,
            SendsPerSecond: 2 * options.Messages / seconds,
            DeliveriesPerSecond: double.NaN,
            LatencyOf: "DM round trip",
            Latency: Latency.Of(roundTrips),
            Ack: Latency.Of(acks),
            problems, log.Lines);
    }

    private static async Task<long> AcknowledgedAtAsync(Task sending)
    {
        await sending;
        return Stopwatch.GetTimestamp();
    }
}
