using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Community.Tests.Cluster;

/// <summary>
/// A silo killed with <c>kill -9</c> while sends, edits, reactions and membership changes to a room
/// it hosts are in flight. Each client does what a client should: a call answered <c>unavailable</c>
/// is made again, with the same ids. Afterwards every acknowledged change is there, once, and
/// nothing half-written shows.
/// </summary>
public sealed class InFlightCrashTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly string[] Keys = ["👍", "🎉", "😂", "🙏", "👏", "❤️"];

    [Fact]
    public async Task Changes_in_flight_when_a_silo_is_killed_are_there_once_when_acknowledged_and_retries_land_once()
    {
        var owner = await cluster.Network.JoinAsync();
        var reactor = await cluster.Network.JoinAsync();
        var joiners = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => cluster.Network.JoinAsync()));
        await using var doomed = await GatewayProcess.StartAsync(cluster.ProcessNodeSettings);
        await using var ownerHub = await cluster.Node1.ConnectAsync(owner);
        await using var reactorHub = await cluster.Node2.ConnectAsync(reactor);
        var room = await Placement.RoomHostedByAsync(cluster, owner, ownerHub, doomed).WaitAsync(Timeout);
        await reactor.JoinRoomAsync(room);
        var targets = new List<long>();
        for (var i = 0; i < 4; i++) targets.Add((await ownerHub.SendTextAsync(room, $"to edit {i}", $"target-{i}")).Long("seq"));

        var kill = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = new ConcurrentDictionary<string, long>();
        var sends = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                if (i == 8) kill.TrySetResult();
                var clientMsgId = $"send-{i}";
                var message = await UntilDoneAsync(() => ownerHub.SendTextAsync(room, $"send {i}", clientMsgId));
                sent[clientMsgId] = message.Long("seq");
            }
        });
        var lastEdit = new ConcurrentDictionary<long, string>();
        var edits = Task.Run(async () =>
        {
            for (var round = 0; round < 8; round++)
            {
                foreach (var seq in targets)
                {
                    var text = $"edit {round} of {seq}";
                    await UntilDoneAsync(() => ownerHub.InvokeAsync("EditMessage", room, seq, text));
                    lastEdit[seq] = text;
                }
            }
        });
        var reactions = Task.Run(async () =>
        {
            foreach (var key in Keys)
                foreach (var seq in targets)
                    await UntilDoneAsync(async () => { await reactorHub.InvokeVoidAsync("AddReaction", room, seq, key); return default; });
        });
        var memberships = joiners.Select(joiner => Task.Run(async () =>
        {
            for (var round = 0; round < 4; round++)
            {
                await UntilDoneAsync(() => RestAsync(joiner, $"/api/rooms/{room}/join", HttpStatusCode.OK));
                await UntilDoneAsync(() => RestAsync(joiner, $"/api/rooms/{room}/leave", HttpStatusCode.NoContent));
            }
            await UntilDoneAsync(() => RestAsync(joiner, $"/api/rooms/{room}/join", HttpStatusCode.OK));
        })).ToArray();

        await kill.Task.WaitAsync(Timeout);
        await doomed.KillAsync();
        await Task.WhenAll([sends, edits, reactions, .. memberships]).WaitAsync(Timeout);

        var log = await owner.HistoryAsync(room, "?after=0&limit=100");
        // Dense, each acknowledged send once at the seq it was acknowledged with, nothing else.
        Assert.Equal(Steps.Range(1, log.Length), log.Seqs());
        Assert.Equal(1 + targets.Count + sent.Count, log.Length);
        foreach (var (clientMsgId, seq) in sent)
            Assert.Equal(seq, Assert.Single(log, m => m.Str("clientMsgId") == clientMsgId).Long("seq"));
        foreach (var seq in targets)
        {
            var message = Assert.Single(log, m => m.Long("seq") == seq);
            Assert.Equal(lastEdit[seq], message.Str("text"));
            var counted = message.GetProperty("reactions").EnumerateArray().Select(r => (r.Str("key"), r.GetProperty("count").GetInt32())).Order();
            Assert.Equal(Keys.Select(k => (k, 1)).Order(), counted);
        }
        var members = (await owner.MembersOfAsync(room)).Select(m => m.GetProperty("member").Str("id")).Order();
        Assert.Equal(new[] { owner.Id, reactor.Id }.Concat(joiners.Select(j => j.Id)).Order(), members);
        // The room's listing agrees with its log.
        Assert.Equal(log.Length, (await owner.ListedRoomAsync(room)).Long("lastSeq"));
    }

    /// <summary>Makes the call until it is acknowledged; an <c>unavailable</c> answer (hub or REST) is tried again, anything else fails the test.</summary>
    private static async Task<JsonElement> UntilDoneAsync(Func<Task<JsonElement>> call)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (IsUnavailable(e) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private static bool IsUnavailable(Exception e) =>
        e is HubException hub && hub.Message.Contains("unavailable:", StringComparison.Ordinal) || e is UnavailableException;

    /// <summary>A POST that succeeds with <paramref name="expected"/>; a 503 <c>unavailable</c> problem is thrown as <see cref="UnavailableException"/>.</summary>
    private static async Task<JsonElement> RestAsync(TestMember member, string path, HttpStatusCode expected)
    {
        using var response = await member.Http.PostAsync(path, null);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "unavailable");
            Assert.NotNull(response.Headers.RetryAfter);
            throw new UnavailableException();
        }
        return await response.ReadJsonAsync(expected);
    }

    private sealed class UnavailableException : Exception;
}
