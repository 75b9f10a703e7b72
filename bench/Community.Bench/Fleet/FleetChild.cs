using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Bench.Fleet;

/// <summary>
/// The other side of <see cref="ConnectionFleet"/>, in a process of its own, so that the node's
/// memory is the node's alone: opens one hub connection per token (the official client, WebSockets,
/// the token as the bearer), each counted once the server says <c>ready</c>, the first alone and the
/// others timed; counts the presence events they hear; notes when each connection hears each
/// message of the watched room and, when asked, marks it read. Talks to its parent by lines
/// (<see cref="FleetLines"/>).
/// </summary>
internal static class FleetChild
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Arguments: hub url, tokens file (one a line), watched room id, connections under way at once, whether to mark messages read.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var (hubUrl, tokens, roomId, parallel, markRead) =
            (new Uri(args[0]), await File.ReadAllLinesAsync(args[1]), args[2], int.Parse(args[3], CultureInfo.InvariantCulture), args[4] == "1");
        var connections = new ConcurrentBag<HubConnection>();
        var heard = new ConcurrentDictionary<long, Arrivals>();
        var (failed, presence) = (0, 0L);
        var firstError = "";

        // The first connection alone, so that the rate is not the first calls' (JIT on both sides).
        using var ticking = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        await ConnectAsync(tokens[0], CancellationToken.None);
        var start = Stopwatch.GetTimestamp();
        var connecting = Parallel.ForEachAsync(tokens.Skip(1), new ParallelOptions { MaxDegreeOfParallelism = parallel }, ConnectAsync);
        while (!connecting.IsCompleted && await ticking.WaitForNextTickAsync())
            FleetLines.Write(FleetLines.Progress, connections.Count, Volatile.Read(ref failed));
        await connecting;
        FleetLines.Write(FleetLines.Connected, connections.Count, failed, Stopwatch.GetTimestamp() - start, firstError.ReplaceLineEndings(" "));

        // Asked for a report on a seq: wait until every connection has heard it, and marked it read when asked to (or the timeout).
        while (Console.ReadLine()?.Split(' ') is [FleetLines.Report, var seqText, var seconds])
        {
            var (seq, until) = (FleetLines.Long(seqText), Stopwatch.GetTimestamp() + FleetLines.Long(seconds) * Stopwatch.Frequency);
            var arrivals = heard.GetOrAdd(seq, _ => new Arrivals());
            while (!arrivals.Complete(connections.Count, markRead) && Stopwatch.GetTimestamp() < until) await ticking.WaitForNextTickAsync();
            var (count, first, last, read) = arrivals.Snapshot();
            FleetLines.Write(FleetLines.Delivered, count, first, last, read, Interlocked.Read(ref presence));
        }
        // The parent is done: the process ends and the system closes every socket at once.
        return 0;

        async ValueTask ConnectAsync(string token, CancellationToken cancellation)
        {
            var connection = Build(hubUrl, token);
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            connection.On<JsonElement>("ready", _ => ready.TrySetResult());
            connection.On<JsonElement>("presence", _ => Interlocked.Increment(ref presence));
            connection.On<JsonElement>("message", message =>
            {
                var at = Stopwatch.GetTimestamp();
                if (message.GetProperty("roomId").GetString() != roomId) return;
                var seq = message.GetProperty("seq").GetInt64();
                var arrivals = heard.GetOrAdd(seq, _ => new Arrivals());
                arrivals.Add(at);
                if (markRead) _ = MarkReadAsync(arrivals, seq);
            });

            async Task MarkReadAsync(Arrivals arrivals, long seq)
            {
                await connection.InvokeAsync("MarkRead", roomId, seq);
                arrivals.AddRead();
            }
            try
            {
                using var timeout = new CancellationTokenSource(ConnectTimeout);
                await connection.StartAsync(timeout.Token);
                await ready.Task.WaitAsync(timeout.Token);
                connections.Add(connection);
            }
            catch (Exception e)
            {
                if (Interlocked.Increment(ref failed) == 1) firstError = $"{e.GetType().Name}: {e.Message}";
                await connection.DisposeAsync();
            }
        }
    }

    private static HubConnection Build(Uri hubUrl, string token) =>
        new HubConnectionBuilder()
            .WithUrl(hubUrl, HttpTransportType.WebSockets, options =>
            {
                // Straight to the WebSocket, as the JavaScript client's skipNegotiation does: one socket per connection.
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .Build();

    /// <summary>Who heard one message: how many, the first and last arrival, how many marked it read.</summary>
    private sealed class Arrivals
    {
        private readonly Lock _lock = new();
        private int _count;
        private int _read;
        private long _first = long.MaxValue;
        private long _last;

        public void Add(long at)
        {
            lock (_lock) (_count, _first, _last) = (_count + 1, Math.Min(_first, at), Math.Max(_last, at));
        }

        public void AddRead()
        {
            lock (_lock) _read++;
        }

        public bool Complete(int connections, bool read)
        {
            lock (_lock) return _count >= connections && (!read || _read >= connections);
        }

        public (int Count, long First, long Last, int Read) Snapshot()
        {
            lock (_lock) return (_count, _count == 0 ? 0 : _first, _last, _read);
        }
    }
}
