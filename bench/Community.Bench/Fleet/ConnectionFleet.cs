using System.Diagnostics;
using System.Globalization;

namespace Community.Bench.Fleet;

/// <summary>
/// Many hub connections held by a child process (<see cref="FleetChild"/>): this bench program again,
/// started with <c>--fleet</c>. The node stays in this process, so the memory it takes per connection
/// is measured apart from the clients'.
/// </summary>
internal sealed class ConnectionFleet : IAsyncDisposable
{
    public const string Switch = "--fleet";

    /// <summary>Connections opened at once while connecting.</summary>
    private const int Parallel = 32;

    private readonly Process _process;
    private readonly string _tokensFile;

    private ConnectionFleet(Process process, string tokensFile) => (_process, _tokensFile) = (process, tokensFile);

    /// <summary>Connects one hub connection per token to <paramref name="baseAddress"/>, watching <paramref name="roomId"/>, and returns once every one is ready or failed.</summary>
    public static async Task<(ConnectionFleet Fleet, Connected Connected)> ConnectAsync(
        Uri baseAddress, IReadOnlyList<string> tokens, string roomId, bool markRead, string label)
    {
        var tokensFile = Path.GetTempFileName();
        await File.WriteAllLinesAsync(tokensFile, tokens);
        var fleet = new ConnectionFleet(ChildProcesses.Start([Switch, new Uri(baseAddress, Community.Tests.Support.HubTestClient.HubPath).ToString(), tokensFile,
            roomId, Parallel.ToString(CultureInfo.InvariantCulture), markRead ? "1" : "0"]), tokensFile);
        var shown = Stopwatch.GetTimestamp();
        try
        {
            while (await fleet.ReadLineAsync() is { } line)
            {
                switch (line)
                {
                    case [FleetLines.Progress, var connected, var failed] when Stopwatch.GetElapsedTime(shown) >= Progress.Every:
                        Progress.Show($"{label}: {connected} of {tokens.Count} connected, {failed} failed");
                        shown = Stopwatch.GetTimestamp();
                        break;
                    case [FleetLines.Connected, var connected, var failed, var ticks, .. var error]:
                        return (fleet, new Connected((int)FleetLines.Long(connected), (int)FleetLines.Long(failed),
                            TimeSpan.FromSeconds((double)FleetLines.Long(ticks) / Stopwatch.Frequency), string.Join(' ', error)));
                }
            }
            throw new InvalidOperationException("the fleet process ended before it was connected");
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) until every connection has heard message <paramref name="seq"/> of the watched room, and marked it read when asked to.</summary>
    public async Task<Delivered> ReportAsync(long seq, TimeSpan timeout)
    {
        await _process.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{FleetLines.Report} {seq} {(int)Math.Ceiling(timeout.TotalSeconds)}"));
        await _process.StandardInput.FlushAsync();
        var line = await ReadLineAsync();
        return line is [FleetLines.Delivered, var count, var first, var last, var read, var presence]
            ? new Delivered((int)FleetLines.Long(count), FleetLines.Long(first), FleetLines.Long(last), (int)FleetLines.Long(read), FleetLines.Long(presence))
            : throw new InvalidOperationException(line is null ? "the fleet process ended before it answered" : $"the fleet process answered '{string.Join(' ', line)}'");
    }

    public async ValueTask DisposeAsync()
    {
        await ChildProcesses.StopAsync(_process);
        File.Delete(_tokensFile);
    }

    private async Task<string[]?> ReadLineAsync() => (await _process.StandardOutput.ReadLineAsync())?.Split(' ');

    /// <summary>How many connections are ready, how many failed, how long all but the first took, and the first failure.</summary>
    public sealed record Connected(int Count, int Failed, TimeSpan Took, string FirstError)
    {
        public double PerSecond => (Count - 1) / Took.TotalSeconds;
    }

    /// <summary>How many connections heard the message, the first and last arrival (Stopwatch timestamps), how many marked it read, and the presence events heard so far.</summary>
    public sealed record Delivered(int Count, long FirstArrival, long LastArrival, int Read, long PresenceEvents);
}
