using System.Diagnostics;
using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Community.Bench;

/// <summary>One crowd in one room, driven in an open loop (<see cref="SteadyScenario"/>); its delivery is checked after each phase over everything it sent.</summary>
internal sealed class SteadyRun : IAsyncDisposable
{
    /// <summary>No receiver should wait longer than this between two deliveries at half of the peak.</summary>
    public static readonly TimeSpan GapTarget = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(120);

    private readonly RoomCrowd _crowd;
    private readonly List<long> _acked = [];
    private long _offered;

    private SteadyRun(RoomCrowd crowd) => _crowd = crowd;

    public static async Task<SteadyRun> SetUpAsync(IRoomServer server, BenchOptions options)
    {
        var run = new SteadyRun(await RoomCrowd.SetUpAsync(server, roomCount: 1, options));
        var warmup = await JitSettling.WarmUpAsync(round => FanOutScenario.SendAllAsync(run._crowd.Senders, $"{Receiver.Text.Warmup}{round}", BenchOptions.WarmupMessages));
        run._acked.AddRange(warmup.SelectMany(r => r.Acked).Select(a => a.Seq));
        return run;
    }

    /// <summary>The closed-loop rate: every sender sends <paramref name="messages"/> as fast as its acknowledgements come back.</summary>
    public async Task<double> PeakAsync(int messages)
    {
        var start = Stopwatch.GetTimestamp();
        var peak = await FanOutScenario.SendAllAsync(_crowd.Senders, "peak", messages);
        var rate = peak.Acked.Length / Stopwatch.GetElapsedTime(start).TotalSeconds;
        _acked.AddRange(peak.Acked.Select(a => a.Seq));
        await Task.WhenAll(_crowd.Receivers.Select(r => r.Receiver.WaitForCountAsync(_acked.Count, DeliveryTimeout)));
        return rate;
    }

    /// <summary>Offers <paramref name="rate"/> messages a second for <paramref name="seconds"/>, then waits for every delivery and checks it.</summary>
    public async Task<ScenarioResult> OfferAsync(string name, string setup, double rate, int seconds, CapturingLoggerProvider log)
    {
        var receivers = _crowd.Receivers.Select(r => r.Receiver).ToArray();
        foreach (var receiver in receivers) receiver.ResetMeasurements();
        await using var watch = new PauseWatch(_crowd.Server.DatabaseFile, _crowd.Server.Node);
        var (start, sends) = await OfferAsync(rate, seconds);
        var steady = await Task.WhenAll(sends);
        var acknowledged = Stopwatch.GetTimestamp();
        _acked.AddRange(steady.Where(s => s.Seq > 0).Select(s => s.Seq));

        var problems = steady.Where(s => s.Error is not null).GroupBy(s => s.Error).Select(g => $"{g.Count()} sends failed: {g.Key}").ToList();
        try
        {
            await Task.WhenAll(receivers.Select(r => r.WaitForCountAsync(_acked.Count, DeliveryTimeout)));
        }
        catch (TimeoutException)
        {
            problems.Add($"not every message arrived within {DeliveryTimeout.TotalSeconds} s of the last acknowledgement");
        }
        var seqs = _acked.Order().ToArray();
        if (DeliveryCheck.AckProblem(seqs) is { } ackProblem) problems.Add(ackProblem);
        problems.AddRange(receivers.Select((r, j) => DeliveryCheck.Problem($"receiver {j + 1}", r.Seqs, seqs)).OfType<string>());

        var gap = LongestGap(receivers, start, (_, _) => TimeSpan.Zero);
        // The load client's own GC stops it from noting arrivals: a gap it explains is the client's, not the server's.
        var serverGap = LongestGap(receivers, start, watch.HerePausedBetween());
        var sent = steady.Count(s => s.Seq > 0);
        var lastArrival = receivers.Max(r => r.LastArrival);
        var verdict = serverGap.Length <= GapTarget ? "within" : "OVER";
        var notes = new[]
        {
            $"{_crowd.Server.Kind}: offered {rate:0}/s for {seconds} s; longest gap between two deliveries at one receiver: " +
            $"{gap.Length.TotalMilliseconds:0.0} ms, {Stopwatch.GetElapsedTime(start, gap.From).TotalSeconds:0.0} s in; during it: {watch.During(gap.From, gap.To)}",
            $"{_crowd.Server.Kind}: longest gap the load client's own GC pauses do not explain: {serverGap.Length.TotalMilliseconds:0.0} ms, " +
            $"{verdict} the {GapTarget.TotalMilliseconds:0} ms target, {Stopwatch.GetElapsedTime(start, serverGap.From).TotalSeconds:0.0} s in; " +
            $"during it: {watch.During(serverGap.From, serverGap.To)}; over the whole run: {watch.Overall()}",
        };
        return new ScenarioResult(name, setup, sent,
            SendsPerSecond: sent / Stopwatch.GetElapsedTime(start, acknowledged).TotalSeconds,
            DeliveriesPerSecond: receivers.Sum(r => (double)r.Arrivals.Count) / Stopwatch.GetElapsedTime(start, lastArrival).TotalSeconds,
            LatencyOf: $"due to {receivers.Length} recv",
            Latency: Latency.Of(receivers.SelectMany(r => r.Latencies)),
            Ack: Latency.Of(steady.Where(s => s.Seq > 0).Select(s => s.AckTicks)),
            problems, log.Lines) { Notes = notes, Server = _crowd.Server.Kind };
    }

    public ValueTask DisposeAsync() => _crowd.DisposeAsync();

    /// <summary>Starts a send whenever one is due at <paramref name="rate"/> per second, dealing them to the senders in turn, without waiting for answers.</summary>
    private async Task<(long Start, List<Task<Sent>> Sends)> OfferAsync(double rate, int seconds)
    {
        var senders = _crowd.Senders;
        var sends = new List<Task<Sent>>((int)(rate * seconds) + 1);
        var start = Stopwatch.GetTimestamp();
        var end = start + seconds * Stopwatch.Frequency;
        long n = 0;
        for (var now = start; now < end; now = Stopwatch.GetTimestamp())
        {
            for (var due = (long)((now - start) * rate / Stopwatch.Frequency); n <= due; n++)
                sends.Add(SendAsync(senders[n % senders.Length], _offered++, start + (long)(n * Stopwatch.Frequency / rate)));
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

    /// <summary>
    /// The longest wait between two arrivals at any one receiver, from the start of the offer on, less the time
    /// <paramref name="excused"/> accounts for within it.
    /// </summary>
    private static (TimeSpan Length, long From, long To) LongestGap(IEnumerable<Receiver> receivers, long start, Func<long, long, TimeSpan> excused)
    {
        var longest = (Length: TimeSpan.Zero, From: start, To: start);
        foreach (var receiver in receivers)
        {
            var previous = start;
            foreach (var arrival in receiver.Arrivals)
            {
                var gap = Stopwatch.GetElapsedTime(previous, arrival) - excused(previous, arrival);
                if (gap > longest.Length) longest = (gap, previous, arrival);
                previous = arrival;
            }
        }
        return longest;
    }

    private sealed record Sent(long Seq, long AckTicks, string? Error);
}
