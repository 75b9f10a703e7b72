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
/// others timed; counts the presence events they hear meanwhile; notes when each
/// connection first hears a message of the watched room and, when asked, marks it read. Talks to
/// its parent by lines (<see cref="FleetLines"/>).
/// </summary>
internal static class FleetChild
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Arguments: hub url, tokens file (one a line), watched room id, connections under way at once, whether to mark the message read.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var (hubUrl, tokens, roomId, parallel, markRead) =
            (new Uri(args[0]), await File.ReadAllLinesAsync(args[1]), args[2], int.Parse(args[3], CultureInfo.InvariantCulture), args[4] == "1");
        var connections = new ConcurrentBag<HubConnection>();
        var arrivals = new ConcurrentQueue<long>();
        var (read, failed, presence, lastPresence) = (0, 0, 0L, 0L);
        var firstError = "";

        // The first connection alone, so that the rate is not the first calls' (JIT on both sides).
        using var ticking = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        await ConnectAsync(tokens[0], CancellationToken.None);
        var start = Stopwatch.GetTimestamp();
        var connecting = Parallel.ForEachAsync(tokens.Skip(1), new ParallelOptions { MaxDegreeOfParallelism = parallel }, ConnectAsync);
        while (!connecting.IsCompleted && await ticking.WaitForNextTickAsync())
            FleetLines.Write(FleetLines.Progress, connections.Count, Volatile.Read(ref failed));
        await connecting;
        FleetLines.Write(FleetLines.Connected, connections.Count, failed, Stopwatch.GetTimestamp() - start, Interlocked.Read(ref presence),
            firstError.ReplaceLineEndings(" "));
        start = Stopwatch.GetTimestamp();

        while (Console.ReadLine()?.Split(' ') is [var command, var seconds, ..])
        {
            var until = Stopwatch.GetTimestamp() + long.Parse(seconds, CultureInfo.InvariantCulture) * Stopwatch.Frequency;
            if (command == FleetLines.Quiet)
            {
                // Until no presence event has come for the quiet window (or the timeout).
                var window = (long)(FleetLines.QuietWindow.TotalSeconds * Stopwatch.Frequency);
                while (Stopwatch.GetTimestamp() - Math.Max(Volatile.Read(ref lastPresence), start) < window && Stopwatch.GetTimestamp() < until)
                    await ticking.WaitForNextTickAsync();
                FleetLines.Write(FleetLines.Quiet, Interlocked.Read(ref presence), Volatile.Read(ref lastPresence));
            }
            else
            {
                // Until every connection has heard the room's message, and marked it read when asked to (or the timeout).
                while ((arrivals.Count < connections.Count || (markRead && Volatile.Read(ref read) < connections.Count)) && Stopwatch.GetTimestamp() < until)
                    await ticking.WaitForNextTickAsync();
                var times = arrivals.ToArray();
                FleetLines.Write(FleetLines.Delivered, times.Length, times.Length == 0 ? 0 : times.Min(), times.Length == 0 ? 0 : times.Max(), Volatile.Read(ref read));
            }
        }
        // The parent is done: the process ends and the system closes every socket at once.
        return 0;

        async ValueTask ConnectAsync(string token, CancellationToken cancellation)
        {
            var connection = Build(hubUrl, token);
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var heard = 0;
            connection.On<JsonElement>("ready", _ => ready.TrySetResult());
            connection.On<JsonElement>("presence", _ =>
            {
                Interlocked.Increment(ref presence);
                Volatile.Write(ref lastPresence, Stopwatch.GetTimestamp());
            });
            connection.On<JsonElement>("message", message =>
            {
                var at = Stopwatch.GetTimestamp();
                if (message.GetProperty("roomId").GetString() != roomId || Interlocked.Exchange(ref heard, 1) == 1) return;
                arrivals.Enqueue(at);
                if (markRead) _ = MarkReadAsync(message.GetProperty("seq").GetInt64());
            });

            async Task MarkReadAsync(long seq)
            {
                await connection.InvokeAsync("MarkRead", roomId, seq);
                Interlocked.Increment(ref read);
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
}
