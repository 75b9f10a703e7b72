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

        var rounds = BenchOptions.WarmupMessages + options.Messages;
        var answering = Task.Run(async () =>
        {
            for (var n = 0; n < rounds; n++)
            {
                await pong.WaitForEventAsync("message", m => m.Str("senderId") == pinger.Id, Timeout);
                await pong.InvokeAsync("SendMessage", dm, new { clientMsgId = $"pong-{n}", text = $"pong {n}" });
            }
        });

        var roundTrips = new List<long>();
        var acks = new List<long>();
        var start = 0L;
        for (var n = 0; n < rounds; n++)
        {
            if (n == BenchOptions.WarmupMessages) start = Stopwatch.GetTimestamp();
            var at = Stopwatch.GetTimestamp();
            var acknowledged = AcknowledgedAtAsync(ping.InvokeAsync("SendMessage", dm, new { clientMsgId = $"ping-{n}", text = $"ping {n}" }));
            await ping.WaitForEventAsync("message", m => m.Str("senderId") == ponger.Id, Timeout);
            var back = Stopwatch.GetTimestamp();
            var acknowledgedAt = await acknowledged;
            if (n < BenchOptions.WarmupMessages) continue;
            roundTrips.Add(back - at);
            acks.Add(acknowledgedAt - at);
        }
        var elapsed = Stopwatch.GetTimestamp() - start;
        await answering.WaitAsync(Timeout);

        // Each side hears both its own messages and the other's: 1, 2, 3… in order, each once.
        var seqs = Enumerable.Range(1, 2 * rounds).Select(i => (long)i).ToArray();
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
