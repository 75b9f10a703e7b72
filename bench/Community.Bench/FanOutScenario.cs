using System.Diagnostics;
using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Community.Bench;

/// <summary>
/// Senders and receivers in one or more rooms (<see cref="RoomCrowd"/>): every sender sends as fast
/// as its acknowledgements come back, and every message fans out to every connection of its room (the
/// senders' included). With a baseline, the product and bare SignalR are measured in alternate rounds
/// with the same counts, so that whatever else the machine does falls on both alike.
/// </summary>
internal static class FanOutScenario
{
    public static async Task<ScenarioResult> RunAsync(string name, string setup, CommunityNode[] nodes, IRoomServer? bare, int roomCount,
        BenchOptions options, BenchLogs logs)
    {
        await using var product = await FanOutRun.SetUpAsync(new ProductServer(nodes), roomCount, options);
        await using var baseline = bare is null ? null : await FanOutRun.SetUpAsync(bare, roomCount, options);
        await product.WarmUpAsync();
        if (baseline is not null) await baseline.WarmUpAsync();
        for (var round = 1; round <= options.Rounds; round++)
        {
            Progress.Show($"{name}: round {round} of {options.Rounds}, product");
            await product.MeasureAsync(options.Messages, options.Senders);
            if (baseline is null) continue;
            Progress.Show($"{name}: round {round} of {options.Rounds}, bare SignalR");
            await baseline.MeasureAsync(options.Messages, options.Senders);
        }
        return product.Result(name, setup, logs.Product) with { Bare = baseline?.Result(name, "bare SignalR, in memory", logs.Bare) };
    }

    /// <summary>
    /// Every sender of <paramref name="senders"/> sends <paramref name="count"/> messages to its room one after another, each once the
    /// previous one is answered. A refused send is noted and the sender goes on with its next message.
    /// The client message ids start with <paramref name="round"/> (the phase when not given): a send
    /// that repeats one is answered with the original message.
    /// </summary>
    internal static async Task<((int Room, long Seq, long AckTicks)[] Acked, string[] Errors)> SendAllAsync(
        IEnumerable<RoomCrowd.Sender> senders, string phase, int count, string? round = null)
    {
        var bySender = await Task.WhenAll(senders.Select((sender, s) => Task.Run(async () =>
        {
            var (acked, errors) = (new List<(int, long, long)>(), new List<string>());
            for (var n = 0; n < count; n++)
            {
                var at = Stopwatch.GetTimestamp();
                try
                {
                    var message = await sender.Hub.InvokeAsync("SendMessage", sender.RoomId,
                        new { clientMsgId = $"{round ?? phase}-{s}-{n}", text = Receiver.Text.Of(phase, at, $"sender {s + 1}, #{n + 1}") });
                    acked.Add((sender.Room, message.Long("seq"), Stopwatch.GetTimestamp() - at));
                }
                catch (Exception e) when (e is HubException or TimeoutException)
                {
                    errors.Add($"{e.GetType().Name}: {e.Message}");
                }
            }
            return (acked, errors);
        })));
        return (bySender.SelectMany(s => s.acked).ToArray(), bySender.SelectMany(s => s.errors).ToArray());
    }
}
