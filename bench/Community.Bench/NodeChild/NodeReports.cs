using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;

namespace Community.Bench.NodeChild;

/// <summary>
/// The node process's reports to its parent (<see cref="NodeLines"/>), written by a thread of their own so that
/// whoever posts one (a commit on the node's send path) never waits on the pipe.
/// </summary>
internal sealed class NodeReports : IAsyncDisposable
{
    /// <summary>Storage writes quicker than this are not reported: they cannot open a gap worth explaining.</summary>
    private static readonly long ReportedFrom = Stopwatch.Frequency / 1_000;

    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writing;

    public NodeReports() => _writing = Task.Factory.StartNew(WriteAsync, TaskCreationOptions.LongRunning).Unwrap();

    public void Post(string kind, params object[] values) => _lines.Writer.TryWrite(NodeLines.Format(kind, values));

    /// <summary>Reports every timed storage write of a millisecond or more (the meter <c>Community.Storage</c>) until disposed.</summary>
    public IDisposable TimeStorage()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Community.Storage") listener.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, seconds, tags, _) =>
        {
            var ticks = (long)(seconds * Stopwatch.Frequency);
            if (ticks < ReportedFrom) return;
            var name = instrument.Name;
            foreach (var tag in tags)
                if (tag.Key == "mode") name += $"/{tag.Value}";
            Post(NodeLines.Storage, name, Stopwatch.GetTimestamp(), ticks);
        });
        listener.Start();
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _writing;
    }

    private async Task WriteAsync()
    {
        while (await _lines.Reader.WaitToReadAsync())
        {
            while (_lines.Reader.TryRead(out var line)) Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }
}
