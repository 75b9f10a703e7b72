using System.Diagnostics;
using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Community.Bench;

/// <summary>
/// Senders and receivers in one or more talk rooms (<see cref="RoomCrowd"/>): every sender sends as fast
/// as its acknowledgements come back, and every message fans out to every connection of its room (the
/// senders' included).
/// </summary>
internal static class FanOutScenario
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);

    public static async Task<ScenarioResult> RunAsync(string name, string setup, CommunityNode[] nodes, int roomCount, BenchOptions options, CapturingLoggerProvider log)
    {
        await using var crowd = await RoomCrowd.SetUpAsync(nodes, roomCount, options);
        var (senders, receivers, roomIds, senderCount) = (crowd.Senders, crowd.Receivers, crowd.RoomIds, options.Senders);
        var warmupRounds = await JitSettling.WarmUpAsync(round => SendAllAsync(senders, $"{Receiver.Text.Warmup}{round}", BenchOptions.WarmupMessages));
        var warmup = (Acked: warmupRounds.SelectMany(r => r.Acked).ToArray(), Errors: warmupRounds.SelectMany(r => r.Errors).ToArray());
        await Task.WhenAll(receivers.Select(r => r.Receiver.WaitForCountAsync(warmup.Acked.Count(a => a.Room == r.Room), DeliveryTimeout)));

        var start = Stopwatch.GetTimestamp();
        var measured = await SendAllAsync(senders, Receiver.Text.Measured, options.Messages);
        var acknowledged = Stopwatch.GetTimestamp();
        var seqsByRoom = Enumerable.Range(0, roomCount)
            .Select(room => warmup.Acked.Concat(measured.Acked).Where(a => a.Room == room).Select(a => a.Seq).Order().ToArray())
            .ToArray();
        var problems = warmup.Errors.Concat(measured.Errors)
            .GroupBy(e => e)
            .Select(g => $"{g.Count()} of {warmup.Acked.Length + warmup.Errors.Length + senderCount * options.Messages} sends failed: {g.Key}")
            .ToList();
        try
        {
            await Task.WhenAll(receivers.Select(r => r.Receiver.WaitForCountAsync(seqsByRoom[r.Room].Length, DeliveryTimeout)));
        }
        catch (TimeoutException)
        {
            problems.Add($"not every message arrived within {DeliveryTimeout.TotalSeconds} s of the last acknowledgement");
        }
        var lastArrival = receivers.Max(r => r.Receiver.LastArrival);

        string InRoom(int room) => roomCount == 1 ? "" : $"room {room + 1}: ";
        problems.AddRange(seqsByRoom.Select((seqs, room) => DeliveryCheck.AckProblem(seqs) is { } p ? InRoom(room) + p : null).OfType<string>());
        problems.AddRange(receivers.Select((r, j) =>
            DeliveryCheck.Problem($"{InRoom(r.Room)}receiver {j + 1}", r.Receiver.Hub, roomIds[r.Room], seqsByRoom[r.Room])).OfType<string>());

        var sent = measured.Acked.Length;
        var delivered = receivers.Sum(r => (double)measured.Acked.Count(a => a.Room == r.Room));
        var perRoom = receivers.GroupBy(r => r.Room).Select(g => g.Count()).Distinct().ToArray();
        return new ScenarioResult(name, setup, sent,
            SendsPerSecond: sent / Seconds(acknowledged - start),
            DeliveriesPerSecond: delivered / Seconds(lastArrival - start),
            LatencyOf: roomCount == 1 ? $"fan-out to {receivers.Length}"
                : perRoom is [var each] ? $"{roomCount} x fan-out {each}" : $"{roomCount} x fan-out ~{(double)receivers.Length / roomCount:0.#}",
            Latency: Latency.Of(receivers.SelectMany(r => r.Receiver.Latencies)),
            Ack: Latency.Of(measured.Acked.Select(s => s.AckTicks)),
            problems, log.Lines);
    }

    /// <summary>
    /// Every sender sends <paramref name="count"/> messages to its room one after another, each once the
    /// previous one is answered. A refused send is noted and the sender goes on with its next message.
    /// </summary>
    internal static async Task<((int Room, long Seq, long AckTicks)[] Acked, string[] Errors)> SendAllAsync(
        RoomCrowd.Sender[] senders, string phase, int count)
    {
        var bySender = await Task.WhenAll(senders.Select((sender, s) => Task.Run(async () =>
        {
            var (acked, errors) = (new List<(int, long, long)>(), new List<string>());
            for (var n = 0; n < count; n++)
            {
                var at = Stopwatch.GetTimestamp();
                try
                {
                    var message = await sender.Hub.InvokeAsync("SendMessage", sender.RoomId,
                        new { clientMsgId = $"{phase}-{s}-{n}", text = Receiver.Text.Of(phase, at, $"sender {s + 1}, #{n + 1}") });
                    acked.Add((sender.Room, message.Long("seq"), Stopwatch.GetTimestamp() - at));
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
