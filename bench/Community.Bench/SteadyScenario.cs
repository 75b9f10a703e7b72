using System.Diagnostics;
using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Community.Bench;

/// <summary>
/// An open loop: after a closed-loop burst that finds the room's peak, messages are offered at a fixed
/// rate (half of that peak unless <c>--rate</c> says otherwise) for <c>--seconds</c>, whatever the
/// acknowledgements do. Latency runs from when each message was due, so a stall counts for every
/// message it held up. Reports the longest gap between two deliveries at any receiver (the target:
/// none over 50 ms) and what the runtime and the store did during it.
/// </summary>
internal static class SteadyScenario
{
    /// <summary>No receiver should wait longer than this between two deliveries at half of the peak.</summary>
    public static readonly TimeSpan GapTarget = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(120);

    public static async Task<ScenarioResult> RunAsync(string name, string setup, CommunityNode node, bool sqlite, BenchOptions options, CapturingLoggerProvider log)
    {
        await using var crowd = await RoomCrowd.SetUpAsync([node], roomCount: 1, options);
        var (senders, receivers) = (crowd.Senders, crowd.Receivers);
        var warmupRounds = await JitSettling.WarmUpAsync(round => FanOutScenario.SendAllAsync(senders, $"{Receiver.Text.Warmup}{round}", BenchOptions.WarmupMessages));
        var peakStart = Stopwatch.GetTimestamp();
        var peak = await FanOutScenario.SendAllAsync(senders, "peak", options.Messages);
        var peakRate = peak.Acked.Length / Stopwatch.GetElapsedTime(peakStart).TotalSeconds;
        var acked = warmupRounds.SelectMany(r => r.Acked).Concat(peak.Acked).Select(a => a.Seq).ToList();
        var errors = warmupRounds.SelectMany(r => r.Errors).Concat(peak.Errors).ToList();
        await Task.WhenAll(receivers.Select(r => r.Receiver.WaitForCountAsync(acked.Count, DeliveryTimeout)));
        foreach (var (receiver, _) in receivers) receiver.ResetMeasurements();

        var rate = options.Rate ?? peakRate / 2;
        await using var watch = new PauseWatch(sqlite ? Path.Combine(node.DataPath, "community.db") : null);
        var (start, sends) = await OfferAsync(senders, rate, options.Seconds);
        var steady = await Task.WhenAll(sends);
        var acknowledged = Stopwatch.GetTimestamp();
        acked.AddRange(steady.Where(s => s.Seq > 0).Select(s => s.Seq));
        errors.AddRange(steady.Where(s => s.Error is not null).Select(s => s.Error!));

        var problems = errors.GroupBy(e => e).Select(g => $"{g.Count()} sends failed: {g.Key}").ToList();
        try
        {
            await Task.WhenAll(receivers.Select(r => r.Receiver.WaitForCountAsync(acked.Count, DeliveryTimeout)));
        }
        catch (TimeoutException)
        {
            problems.Add($"not every message arrived within {DeliveryTimeout.TotalSeconds} s of the last acknowledgement");
        }
        var seqs = acked.Order().ToArray();
        if (DeliveryCheck.AckProblem(seqs) is { } ackProblem) problems.Add(ackProblem);
        problems.AddRange(receivers.Select((r, j) => DeliveryCheck.Problem($"receiver {j + 1}", r.Receiver.Hub, crowd.RoomIds[0], seqs)).OfType<string>());

        var gap = LongestGap(receivers.Select(r => r.Receiver), start);
        var sent = steady.Count(s => s.Seq > 0);
        var lastArrival = receivers.Max(r => r.Receiver.LastArrival);
        var verdict = gap.Length <= GapTarget ? "within" : "OVER";
        var notes = new[]
        {
            $"offered {rate:0}/s for {options.Seconds} s (the closed-loop peak just before: {peakRate:0}/s); " +
            $"longest gap between two deliveries at one receiver: {gap.Length.TotalMilliseconds:0.0} ms, {verdict} the {GapTarget.TotalMilliseconds:0} ms target, " +
            $"{Stopwatch.GetElapsedTime(start, gap.From).TotalSeconds:0.0} s in",
            $"during that gap: {watch.During(gap.From, gap.To)}; over the whole run: {watch.Overall()}",
        };
        return new ScenarioResult(name, setup, sent,
            SendsPerSecond: sent / Stopwatch.GetElapsedTime(start, acknowledged).TotalSeconds,
            DeliveriesPerSecond: receivers.Sum(r => (double)r.Receiver.Arrivals.Count) / Stopwatch.GetElapsedTime(start, lastArrival).TotalSeconds,
            LatencyOf: $"due to {receivers.Length} recv",
            Latency: Latency.Of(receivers.SelectMany(r => r.Receiver.Latencies)),
            Ack: Latency.Of(steady.Where(s => s.Seq > 0).Select(s => s.AckTicks)),
            problems, log.Lines) { Notes = notes };
    }

    /// <summary>Starts a send whenever one is due at <paramref name="rate"/> per second, dealing them to the senders in turn, without waiting for answers.</summary>
    private static async Task<(long Start, List<Task<Sent>> Sends)> OfferAsync(RoomCrowd.Sender[] senders, double rate, int seconds)
    {
        var sends = new List<Task<Sent>>((int)(rate * seconds) + 1);
        var start = Stopwatch.GetTimestamp();
        var end = start + seconds * Stopwatch.Frequency;
        long n = 0;
        for (var now = start; now < end; now = Stopwatch.GetTimestamp())
        {
            for (var due = (long)((now - start) * rate / Stopwatch.Frequency); n <= due; n++)
                sends.Add(SendAsync(senders[n % senders.Length], n, start + (long)(n * Stopwatch.Frequency / rate)));
            await Task.Delay(1);
        }
        return (start, sends);
    }

    private static async Task<Sent> SendAsync(RoomCrowd.Sender sender, long n, long dueAt)
    {
        try
        {
            var message = await sender.Hub.InvokeAsync("SendMessage", sender.RoomId,
                new { clientMsgId = $"steady-{n}", text = Receiver.Text.Of(Receiver.Text.Measured, dueAt, $"#{n + 1}") });
            return new Sent(message.Long("seq"), Stopwatch.GetTimestamp() - dueAt, null);
        }
        catch (Exception e) when (e is HubException or TimeoutException)
        {
            return new Sent(0, 0, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The longest wait between two arrivals at any one receiver, from the start of the offer on.</summary>
    private static (TimeSpan Length, long From, long To) LongestGap(IEnumerable<Receiver> receivers, long start)
    {
        var longest = (Length: TimeSpan.Zero, From: start, To: start);
        foreach (var receiver in receivers)
        {
            var previous = start;
            foreach (var arrival in receiver.Arrivals)
            {
                var gap = Stopwatch.GetElapsedTime(previous, arrival);
                if (gap > longest.Length) longest = (gap, previous, arrival);
                previous = arrival;
            }
        }
        return longest;
    }

    private sealed record Sent(long Seq, long AckTicks, string? Error);
}
