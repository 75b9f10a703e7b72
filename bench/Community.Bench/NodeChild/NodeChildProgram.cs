using Community.Tests.Support;

namespace Community.Bench.NodeChild;

/// <summary>
/// The other side of <see cref="NodeProcess"/>: one node on SQLite in a process of its own, so that its pauses (GC
/// above all) are its own and not the load client's, and so that they can be told apart. Seats members when asked
/// and reports its runtime's pauses, its thread pool's queue and its slow storage writes as it goes (<see cref="NodeLines"/>).
/// </summary>
internal static class NodeChildProgram
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(5);

    /// <summary>Arguments: the SQLite checkpoint mode.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var log = new CapturingLoggerProvider();
        var nodes = await BenchNodes.StartAsync(postgres: false, count: 1, log, sqliteCheckpoints: args[0]);
        var node = nodes[0];
        NodeLines.Write(NodeLines.Ready, node.BaseAddress, Path.Combine(node.DataPath, "community.db"));
        using var stop = new CancellationTokenSource();
        await using var reports = new NodeReports();
        var sampling = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var sample = GcSample.WithThreadPool();
                reports.Post(NodeLines.Gc, sample.At, sample.Pause.Ticks, sample.Gen2, sample.Queued, sample.Threads);
                Thread.Sleep(SampleEvery);
            }
        }, TaskCreationOptions.LongRunning);
        using var storage = reports.TimeStorage();

        var network = new Network(node);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line.Split(' ') is [NodeLines.Seat, var roomCount, var rooms])
            {
                var (roomIds, members) = await ProductSeating.SeatAsync(network, (int)NodeLines.Long(roomCount), NodeLines.Ints(rooms));
                reports.Post(NodeLines.Seated, string.Join(',', roomIds), string.Join(',', members.Select(m => m.Token)));
            }
        }

        await stop.CancelAsync();
        await sampling;
        foreach (var logged in log.Lines) reports.Post(NodeLines.Log, logged.ReplaceLineEndings(" "));
        await BenchNodes.StopAsync(nodes);
        return 0;
    }
}
