using System.Diagnostics;
using Community.Tests.Support;

namespace Community.Bench;

/// <summary>
/// One crowd's closed-loop rounds (<see cref="FanOutScenario"/>): each round sends, then waits until
/// every receiver has every message of its room; the rounds' figures add up, and the crowd's delivery
/// is checked over everything it sent.
/// </summary>
internal sealed class FanOutRun : IAsyncDisposable
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(60);

    private readonly RoomCrowd _crowd;
    private readonly List<(int Room, long Seq, long AckTicks)> _earlier = [];
    private readonly List<(int Room, long Seq, long AckTicks)> _measured = [];
    private readonly List<string> _errors = [];
    private readonly List<string> _problems = [];
    private int _attempted;
    private int _rounds;
    private long _sendTicks;
    private long _deliveryTicks;
    private double _delivered;

    private FanOutRun(RoomCrowd crowd) => _crowd = crowd;

    public static async Task<FanOutRun> SetUpAsync(IRoomServer server, int roomCount, BenchOptions options) =>
        new(await RoomCrowd.SetUpAsync(server, roomCount, options));

    public RoomCrowd Crowd => _crowd;

    public async Task WarmUpAsync()
    {
        var rounds = await JitSettling.WarmUpAsync(round =>
            FanOutScenario.SendAllAsync(_crowd.Senders, $"{Receiver.Text.Warmup}{round}", BenchOptions.WarmupMessages));
        foreach (var (acked, errors) in rounds)
        {
            _earlier.AddRange(acked);
            _errors.AddRange(errors);
            _attempted += acked.Length + errors.Length;
        }
        await WaitForDeliveryAsync();
    }

    /// <summary>One round: the first <paramref name="senders"/> senders send <paramref name="messages"/> each; then every delivery is awaited.</summary>
    public async Task MeasureAsync(int messages, int senders)
    {
        var start = Stopwatch.GetTimestamp();
        var (acked, errors) = await FanOutScenario.SendAllAsync(_crowd.Senders.Take(senders), Receiver.Text.Measured, messages,
            round: $"{Receiver.Text.Measured}{++_rounds}");
        var acknowledged = Stopwatch.GetTimestamp();
        _measured.AddRange(acked);
        _errors.AddRange(errors);
        _attempted += senders * messages;
        await WaitForDeliveryAsync();
        _sendTicks += acknowledged - start;
        _deliveryTicks += _crowd.Receivers.Max(r => r.Receiver.LastArrival) - start;
        _delivered += _crowd.Receivers.Sum(r => (double)acked.Count(a => a.Room == r.Room));
    }

    public ScenarioResult Result(string name, string setup, CapturingLoggerProvider log)
    {
        var (receivers, roomCount) = (_crowd.Receivers, _crowd.RoomIds.Length);
        var seqsByRoom = Enumerable.Range(0, roomCount)
            .Select(room => _earlier.Concat(_measured).Where(a => a.Room == room).Select(a => a.Seq).Order().ToArray())
            .ToArray();
        var problems = _errors.GroupBy(e => e).Select(g => $"{g.Count()} of {_attempted} sends failed: {g.Key}").Concat(_problems).ToList();
        string InRoom(int room) => roomCount == 1 ? "" : $"room {room + 1}: ";
        problems.AddRange(seqsByRoom.Select((seqs, room) => DeliveryCheck.AckProblem(seqs) is { } p ? InRoom(room) + p : null).OfType<string>());
        problems.AddRange(receivers.Select((r, j) =>
            DeliveryCheck.Problem($"{InRoom(r.Room)}receiver {j + 1}", r.Receiver.Seqs, seqsByRoom[r.Room])).OfType<string>());

        var perRoom = receivers.GroupBy(r => r.Room).Select(g => g.Count()).Distinct().ToArray();
        return new ScenarioResult(name, setup, _measured.Count,
            SendsPerSecond: _measured.Count / Seconds(_sendTicks),
            DeliveriesPerSecond: _delivered / Seconds(_deliveryTicks),
            LatencyOf: roomCount == 1 ? $"fan-out to {receivers.Length}"
                : perRoom is [var each] ? $"{roomCount} x fan-out {each}" : $"{roomCount} x fan-out ~{(double)receivers.Length / roomCount:0.#}",
            Latency: Latency.Of(receivers.SelectMany(r => r.Receiver.Latencies)),
            Ack: Latency.Of(_measured.Select(s => s.AckTicks)),
            problems, log.Lines) { Server = _crowd.Server.Kind };
    }

    /// <summary>Starts the figures again for a new phase; what was sent so far stays for the delivery check.</summary>
    public void NextPhase()
    {
        _earlier.AddRange(_measured);
        _measured.Clear();
        (_sendTicks, _deliveryTicks, _delivered) = (0, 0, 0);
        _errors.Clear();
        _problems.Clear();
        foreach (var (receiver, _) in _crowd.Receivers) receiver.ResetMeasurements();
    }

    public ValueTask DisposeAsync() => _crowd.DisposeAsync();

    /// <summary>Until every receiver has every message of its room acknowledged so far.</summary>
    private async Task WaitForDeliveryAsync()
    {
        var all = _earlier.Concat(_measured).ToArray();
        try
        {
            await Task.WhenAll(_crowd.Receivers.Select(r => r.Receiver.WaitForCountAsync(all.Count(a => a.Room == r.Room), DeliveryTimeout)));
        }
        catch (TimeoutException)
        {
            _problems.Add($"not every message arrived within {DeliveryTimeout.TotalSeconds} s of the last acknowledgement");
        }
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}
