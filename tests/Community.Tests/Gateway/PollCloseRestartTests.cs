using System.Net;
using System.Net.Http.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>A timed poll's closing is a durable reminder: it closes, with its final <c>poll</c> event, after a restart too.</summary>
public sealed class PollCloseRestartTests
{
    /// <summary>A reminder whose time passed while the node was down comes at Orleans' next period: a minute at most.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_timed_poll_closes_at_its_time_across_a_restart_with_a_final_poll_event()
    {
        var dataPath = CommunityNode.NewDataPath();
        try
        {
            TestMember alice, bob;
            string room, pollId;
            DateTimeOffset closesAt;
            await using (var node = await CommunityNode.StartAsync(dataPath))
            {
                var network = new Network(node);
                (alice, bob) = (await network.JoinAsync("alice"), await network.JoinAsync("bob"));
                room = await Steps.RoomWithAsync(alice, bob);
                closesAt = DateTimeOffset.UtcNow.AddSeconds(15);
                var poll = await (await alice.Http.PostJsonAsync($"/api/rooms/{room}/polls",
                    new { question = "再起動後も締め切られる？", options = new[] { "はい", "いいえ" }, closesAt })).ReadJsonAsync(HttpStatusCode.Created);
                pollId = poll.Str("id");
                await (await bob.Http.PutAsJsonAsync($"/api/rooms/{room}/polls/{pollId}/vote", new { choices = new[] { 0 } })).ReadJsonAsync();
            }

            await using (var node = await CommunityNode.StartAsync(dataPath))
            {
                var bobAgain = bob with { Http = node.ClientFor(bob.Token) };
                await using var bobHub = await node.ConnectAsync(bobAgain);

                var final = await bobHub.WaitForEventAsync("poll", e => e.Str("id") == pollId && e.GetProperty("closed").GetBoolean(), Timeout);

                Assert.Equal(closesAt.ToUnixTimeMilliseconds(), final.GetProperty("closedAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
                Assert.Equal([1, 0], final.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()).ToArray());
                var seen = await bobAgain.GetAsync($"/api/rooms/{room}/polls/{pollId}");
                Assert.True(seen.GetProperty("closed").GetBoolean());
            }
        }
        finally
        {
            CommunityNode.DeleteData(dataPath);
        }
    }
}
