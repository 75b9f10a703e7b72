using System.Diagnostics;
using System.Threading.Channels;

namespace Community.Bench.NodeChild;

/// <summary>
/// One product node in a child process (<see cref="NodeChildProgram"/>): this bench program again, started with
/// <c>--node</c>. The load client stays in this process; the node's GC pauses come over as it reports them.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    public const string Switch = "--node";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The node runs as the product ships (server GC), whatever GC the load client runs with.</summary>
    private static readonly Dictionary<string, string> NodeRuntime = new() { ["DOTNET_gcServer"] = "1" };

    private readonly Process _process;
    private readonly Channel<string[]> _answers = Channel.CreateUnbounded<string[]>();
    private readonly List<GcSample> _gc = [];
    private readonly List<StorageTiming> _storage = [];
    private readonly List<string> _log = [];
    private readonly Lock _lock = new();
    private readonly Task _reading;

    private NodeProcess(Process process)
    {
        _process = process;
        _reading = Task.Run(ReadAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public string DatabaseFile { get; private set; } = "";

    /// <summary>The warnings and errors the node logged; complete once the process has been disposed.</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_lock) return _log.ToArray();
        }
    }

    /// <summary>The node's GC samples so far, oldest first.</summary>
    public GcSample[] GcSamples()
    {
        lock (_lock) return _gc.ToArray();
    }

    /// <summary>The node's storage writes of a millisecond or more so far, in the order they ended.</summary>
    public StorageTiming[] StorageTimings()
    {
        lock (_lock) return _storage.ToArray();
    }

    public static async Task<NodeProcess> StartAsync(string sqliteCheckpoints)
    {
        var node = new NodeProcess(ChildProcesses.Start([Switch, sqliteCheckpoints], NodeRuntime));
        try
        {
            var ready = await node.AnswerAsync(NodeLines.Ready).WaitAsync(StartTimeout);
            (node.BaseAddress, node.DatabaseFile) = (new Uri(ready[1]), ready[2]);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>Seats one member per person in the room given for them; the rooms' ids and the members' tokens, in order.</summary>
    public async Task<(string[] RoomIds, string[] Tokens)> SeatAsync(int roomCount, IReadOnlyList<int> roomOfPerson)
    {
        await _process.StandardInput.WriteLineAsync(NodeLines.Format(NodeLines.Seat, roomCount, string.Join(',', roomOfPerson)));
        await _process.StandardInput.FlushAsync();
        var seated = await AnswerAsync(NodeLines.Seated).WaitAsync(StartTimeout);
        return (seated[1].Split(','), seated[2].Split(','));
    }

    public async ValueTask DisposeAsync()
    {
        await ChildProcesses.StopAsync(_process);
        await _reading;
    }

    private async Task<string[]> AnswerAsync(string kind)
    {
        var answer = await _answers.Reader.ReadAsync();
        return answer[0] == kind ? answer : throw new InvalidOperationException($"the node process answered '{string.Join(' ', answer)}' where '{kind}' was due");
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            switch (parts)
            {
                case [NodeLines.Gc, var at, var pause, var gen2, var queued, var threads]:
                    lock (_lock)
                    {
                        _gc.Add(new GcSample(NodeLines.Long(at), TimeSpan.FromTicks(NodeLines.Long(pause)), (int)NodeLines.Long(gen2),
                            NodeLines.Long(queued), (int)NodeLines.Long(threads)));
                    }
                    break;
                case [NodeLines.Storage, var instrument, var endedAt, var ticks]:
                    lock (_lock) _storage.Add(new StorageTiming(instrument, NodeLines.Long(endedAt), NodeLines.Long(ticks)));
                    break;
                case [NodeLines.Log, ..]:
                    lock (_lock) _log.Add(line[(NodeLines.Log.Length + 1)..]);
                    break;
                case [NodeLines.Ready or NodeLines.Seated, ..]:
                    await _answers.Writer.WriteAsync(parts);
                    break;
            }
        }
        _answers.Writer.TryComplete(new InvalidOperationException("the node process ended"));
    }
}
