using System.Net;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>A mute is kept in the room grain's own state, which outlives the node.</summary>
public sealed class MuteRestartTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_mute_still_holds_after_the_node_restarts_on_the_same_data()
    {
        var dataPath = CommunityNode.NewDataPath();
        try
        {
            TestMember alice, bob;
            string room;
            await using (var first = await CommunityNode.StartAsync(dataPath).WaitAsync(Timeout))
            {
                var network = new Network(first);
                (alice, bob) = (await network.JoinAsync(), await network.JoinAsync());
                room = await Steps.RoomWithAsync(alice, bob);
                var mute = await alice.Http.PostJsonAsync($"/api/rooms/{room}/mutes", new { memberId = bob.Id, minutes = 30 });
                Assert.Equal(HttpStatusCode.NoContent, mute.StatusCode);
            }

            await using var second = await CommunityNode.StartAsync(dataPath).WaitAsync(Timeout);
            await using var bobHub = await second.ConnectAsync(bob with { Http = second.ClientFor(bob.Token) });
            await using var aliceHub = await second.ConnectAsync(alice with { Http = second.ClientFor(alice.Token) });

            var error = await Steps.AssertHubErrorAsync("forbidden", () => bobHub.SendTextAsync(room, "まだ話せませんか"));
            Assert.Contains("muted", error);
            Assert.Equal(1L, (await aliceHub.SendTextAsync(room, "落ち着いたら話しましょう")).Long("seq"));
        }
        finally
        {
            CommunityNode.DeleteData(dataPath);
        }
    }
}
