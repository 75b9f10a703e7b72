using System.Diagnostics;
using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Community.Bench;

/// <summary>
/// Senders and receivers in one talk room: every sender sends as fast as its acknowledgements come
/// back, and every message fans out to every connection of the room (the senders' included). With
/// several nodes, senders and receivers are dealt to them in turn.
/// </summary>
internal static class FanOutScenario
{
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);

    public static async Task<ScenarioResult> RunAsync(string name, string setup, CommunityNode[] nodes, BenchOptions options, CapturingLoggerProvider log)
    {
        var (senderCount, receiverCount) = (options.Senders, options.Receivers);
        var network = new Network(nodes[0]);
        await network.SecretariatAsync();
        var members = await Task.WhenAll(Enumerable.Range(1, senderCount + receiverCount).Select(i => network.JoinAsync($"bench{i:000}")))
            .WaitAsync(SetupTimeout);
        var roomId = (await members[0].CreateRoomAsync("Bench room")).Str("id");
        await Task.WhenAll(members.Skip(1).Select(m => m.JoinRoomAsync(roomId)));

        var senders = await Task.WhenAll(members.Take(senderCount).Select((m, i) => nodes[i % nodes.Length].ConnectAsync(m)));
        var receiverHubs = await Task.WhenAll(members.Skip(senderCount).Select((m, i) => nodes[i % nodes.Length].ConnectAsync(m)));
        try
        {
            var receivers = receiverHubs.Select(hub => new Receiver(hub, roomId)).ToArray();
            var warmup = await SendAllAsync(senders, roomId, Receiver.Text.Warmup, BenchOptions.WarmupMessages);
            await Task.WhenAll(receivers.Select(r => r.WaitForCountAsync(warmup.Acked.Length, DeliveryTimeout)));

            var start = Stopwatch.GetTimestamp();
            var measured = await SendAllAsync(senders, roomId, Receiver.Text.Measured, options.Messages);
            var acknowledged = Stopwatch.GetTimestamp();
            var seqs = warmup.Acked.Concat(measured.Acked).Select(s => s.Seq).Order().ToArray();
            var problems = warmup.Errors.Concat(measured.Errors)
                .GroupBy(e => e)
                .Select(g => $"{g.Count()} of {senderCount * (BenchOptions.WarmupMessages + options.Messages)} sends failed: {g.Key}")
                .ToList();
            try
            {
                await Task.WhenAll(receivers.Select(r => r.WaitForCountAsync(seqs.Length, DeliveryTimeout)));
            }
            catch (TimeoutException)
            {
                problems.Add($"not every message arrived within {DeliveryTimeout.TotalSeconds} s of the last acknowledgement");
            }
            var lastArrival = receivers.Max(r => r.LastArrival);

            if (DeliveryCheck.AckProblem(seqs) is { } ackProblem) problems.Add(ackProblem);
            problems.AddRange(receivers.Select((r, i) => DeliveryCheck.Problem($"receiver {i + 1}", r.Hub, roomId, seqs)).OfType<string>());

            var sent = measured.Acked.Length;
            return new ScenarioResult(name, setup, sent,
                SendsPerSecond: sent / Seconds(acknowledged - start),
                DeliveriesPerSecond: (double)sent * receivers.Length / Seconds(lastArrival - start),
                LatencyOf: $"fan-out to {receivers.Length}",
                Latency: Latency.Of(receivers.SelectMany(r => r.Latencies)),
                Ack: Latency.Of(measured.Acked.Select(s => s.AckTicks)),
                problems, log.Lines);
        }
        finally
        {
            await Task.WhenAll(senders.Concat(receiverHubs).Select(h => h.DisposeAsync().AsTask()));
        }
    }

    /// <summary>
    /// Every sender sends <paramref name="count"/> messages one after another, each once the previous
    /// one is answered. A refused send is noted and the sender goes on with its next message.
    /// </summary>
    private static async Task<((long Seq, long AckTicks)[] Acked, string[] Errors)> SendAllAsync(
        HubTestClient[] senders, string roomId, string phase, int count)
    {
        var bySender = await Task.WhenAll(senders.Select((hub, s) => Task.Run(async () =>
        {
            var (acked, errors) = (new List<(long, long)>(), new List<string>());
            for (var n = 0; n < count; n++)
            {
                var at = Stopwatch.GetTimestamp();
                try
                {
                    var message = await hub.InvokeAsync("SendMessage", roomId,
                        new { clientMsgId = $"{phase}-{s}-{n}", text = Receiver.Text.Of(phase, at, $"sender {s + 1}, #{n + 1}") });
                    acked.Add((message.Long("seq"), Stopwatch.GetTimestamp() - at));
                }
                catch (Exception e) when (e is HubException or TimeoutException)
                {
                    errors.Add($"{e.GetType().Name}: {e.Message}");
                }
            }
            return (acked, errors);
        })));
        return (bySender.SelectMany(s => s.acked).ToArray(), bySender.SelectMany(s => s.errors).ToArray());
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}
