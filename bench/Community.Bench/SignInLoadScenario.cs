using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Community.Bench;

/// <summary>
/// One member sends into a room, one message after another, while 40 anonymous clients try to sign
/// in without pause (unknown handles, so each attempt costs the server one password hash): how
/// long the member waits for each send's acknowledgement. It sends at least <c>--messages</c>
/// messages and for at least <see cref="MinimumDuration"/>, so that hashes finish meanwhile.
/// </summary>
internal static class SignInLoadScenario
{
    public const int SignInClients = 40;

    /// <summary>Long enough for a good few hashes to finish while the member sends, however few threads hash.</summary>
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromSeconds(20);

    /// <summary>A send slower than this fails the scenario; slow ones are what it measures.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static async Task<ScenarioResult> RunAsync(string name, string setup, CommunityNode node, BenchOptions options, CapturingLoggerProvider log)
    {
        var network = new Network(node);
        var sender = await network.JoinAsync("sender");
        var reader = await network.JoinAsync("reader");
        var room = await Steps.RoomWithAsync(sender, reader);
        await using var hub = await node.ConnectAsync(sender);
        for (var n = 0; n < BenchOptions.WarmupMessages; n++)
            await hub.InvokeAsync("SendMessage", room, new { clientMsgId = $"warmup-{n}", text = $"warmup {n}" });

        using var stop = new CancellationTokenSource();
        var attempts = Enumerable.Range(1, SignInClients).Select(client => SignInUntilAsync(node, client, stop.Token)).ToArray();
        var acks = new List<long>();
        var started = Stopwatch.GetTimestamp();
        var duration = options.Smoke ? TimeSpan.Zero : MinimumDuration;
        for (var n = 0; n < options.Messages || Stopwatch.GetElapsedTime(started) < duration; n++)
        {
            var at = Stopwatch.GetTimestamp();
            using var timeout = new CancellationTokenSource(Timeout);
            await hub.Connection.InvokeAsync<JsonElement>("SendMessage", room, new { clientMsgId = $"send-{n}", text = $"send {n}" }, timeout.Token);
            acks.Add(Stopwatch.GetTimestamp() - at);
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await stop.CancelAsync();
        var answers = (await Task.WhenAll(attempts).WaitAsync(Timeout)).SelectMany(a => a).ToArray();

        var problems = answers.Where(a => a is not (HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests or 0))
            .GroupBy(a => a).Select(g => $"{g.Count()} sign-in attempt(s) answered {(int)g.Key}").ToList();
        var ack = Latency.Of(acks);
        return new ScenarioResult(name, setup, acks.Count,
            SendsPerSecond: acks.Count / seconds,
            DeliveriesPerSecond: double.NaN,
            LatencyOf: $"send ack, {SignInClients} sign-ins",
            Latency: ack,
            Ack: ack,
            problems, log.Lines)
        {
            Notes =
            [
                $"{answers.Count(a => a != 0)} sign-in attempts answered while measuring ({answers.Count(a => a != 0) / seconds:0.0}/s): " +
                $"{answers.Count(a => a == HttpStatusCode.Unauthorized)} wrong password, {answers.Count(a => a == HttpStatusCode.TooManyRequests)} rate_limited; " +
                $"{answers.Count(a => a == 0)} still waiting when the sends were done",
            ],
        };
    }

    /// <summary>
    /// Signs in as someone who does not exist, again and again until told to stop; the statuses
    /// answered, and 0 for the attempt still waiting when told.
    /// </summary>
    private static async Task<List<HttpStatusCode>> SignInUntilAsync(CommunityNode node, int client, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var answered = new List<HttpStatusCode>();
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                using var response = await http.PostAsJsonAsync("/api/auth/login", new { handle = $"nobody{client}x{n}", password = "a-guessed-password" }, stop);
                answered.Add(response.StatusCode);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                answered.Add(0);
            }
        }
        return answered;
    }
}
