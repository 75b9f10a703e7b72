using System.Diagnostics;
using System.Globalization;
using System.Reflection;

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
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Run through the dotnet host, the program is its first argument; run as its own executable, it is not.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var arg in new[] { Switch, new Uri(baseAddress, Community.Tests.Support.HubTestClient.HubPath).ToString(), tokensFile, roomId,
                     Parallel.ToString(CultureInfo.InvariantCulture), markRead ? "1" : "0" })
            start.ArgumentList.Add(arg);
        var fleet = new ConnectionFleet(Process.Start(start)!, tokensFile);
        try
        {
            while (await fleet.ReadLineAsync() is { } line)
            {
                switch (line)
                {
                    case [FleetLines.Progress, var connected, var failed]:
                        Progress.Show($"{label}: {connected} of {tokens.Count} connected, {failed} failed");
                        break;
                    case [FleetLines.Connected, var connected, var failed, var ticks, var presence, .. var error]:
                        return (fleet, new Connected((int)FleetLines.Long(connected), (int)FleetLines.Long(failed),
                            TimeSpan.FromSeconds((double)FleetLines.Long(ticks) / Stopwatch.Frequency), FleetLines.Long(presence), string.Join(' ', error)));
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

    /// <summary>Waits (up to <paramref name="timeout"/>) until the connections have heard no presence event for a while; how many they heard in all, and when the last came.</summary>
    public async Task<(long Events, long Last)> QuietAsync(TimeSpan timeout)
    {
        var line = await AskAsync(FleetLines.Quiet, timeout);
        return line is [FleetLines.Quiet, var events, var last] ? (FleetLines.Long(events), FleetLines.Long(last)) : throw Unexpected(line);
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) until every connection has heard the watched room's message, and marked it read when asked to.</summary>
    public async Task<Delivered> ReportAsync(TimeSpan timeout)
    {
        var line = await AskAsync(FleetLines.Report, timeout);
        return line is [FleetLines.Delivered, var count, var first, var last, var read]
            ? new Delivered((int)FleetLines.Long(count), FleetLines.Long(first), FleetLines.Long(last), (int)FleetLines.Long(read))
            : throw Unexpected(line);
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30))) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        File.Delete(_tokensFile);
    }

    private async Task<string[]?> AskAsync(string command, TimeSpan timeout)
    {
        await _process.StandardInput.WriteLineAsync($"{command} {(int)Math.Ceiling(timeout.TotalSeconds)}");
        await _process.StandardInput.FlushAsync();
        return await ReadLineAsync();
    }

    private static InvalidOperationException Unexpected(string[]? line) =>
        new(line is null ? "the fleet process ended before it answered" : $"the fleet process answered '{string.Join(' ', line)}'");

    private async Task<string[]?> ReadLineAsync() => (await _process.StandardOutput.ReadLineAsync())?.Split(' ');

    /// <summary>How many connections are ready, how many failed, how long all but the first took, the presence events they heard meanwhile, and the first failure.</summary>
    public sealed record Connected(int Count, int Failed, TimeSpan Took, long PresenceEvents, string FirstError)
    {
        public double PerSecond => (Count - 1) / Took.TotalSeconds;
    }

    /// <summary>How many connections heard the message, the first and last arrival (Stopwatch timestamps), and how many marked it read.</summary>
    public sealed record Delivered(int Count, long FirstArrival, long LastArrival, int Read);
}
