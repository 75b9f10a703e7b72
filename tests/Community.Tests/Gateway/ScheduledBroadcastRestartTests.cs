using System.Net;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>A scheduled broadcast lives in the channel grain's state and an Orleans reminder, both of which outlive the node.</summary>
public sealed class ScheduledBroadcastRestartTests
{
    private const string Scheduled = "/api/admin/broadcasts/scheduled";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A reminder whose first tick fell while no node ran ticks at its next period, up to a minute later.</summary>
    private static readonly TimeSpan PostTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_scheduled_broadcast_is_posted_once_after_a_restart_of_the_node_in_between()
    {
        var dataPath = CommunityNode.NewDataPath();
        try
        {
            TestMember secretariat, alice;
            string laterId;
            var text = $"再起動をまたぐお知らせ {Guid.NewGuid():n}";
            await using (var first = await CommunityNode.StartAsync(dataPath).WaitAsync(StartTimeout))
            {
                var network = new Network(first);
                secretariat = await network.SecretariatAsync();
                alice = await network.JoinAsync("alice");
                await (await secretariat.Http.PostJsonAsync(Scheduled, new { text, sendAt = DateTimeOffset.UtcNow.AddSeconds(8) })).ReadJsonAsync(HttpStatusCode.Created);
                laterId = (await (await secretariat.Http.PostJsonAsync(Scheduled, new { text = "来週のお知らせ", sendAt = DateTimeOffset.UtcNow.AddDays(7) }))
                    .ReadJsonAsync(HttpStatusCode.Created)).Str("id");
            }

            await using var second = await CommunityNode.StartAsync(dataPath).WaitAsync(StartTimeout);
            alice = alice with { Http = second.ClientFor(alice.Token) };
            secretariat = secretariat with { Http = second.ClientFor(secretariat.Token) };
            await using var aliceHub = await second.ConnectAsync(alice);

            // Posted before the connection was ready, or live after it: either way in history.
            await Eventually.TrueAsync(async () => (await alice.HistoryAsync(Steps.Broadcast)).Any(m => m.Str("text") == text), PostTimeout, "the post after the restart");
            var pending = (await secretariat.GetAsync(Scheduled)).Items();
            Assert.Equal([laterId], pending.Select(s => s.Str("id")).ToArray());

            // Fence: a later one comes on the restarted node; the first has not come again by then.
            var fence = $"フェンス {Guid.NewGuid():n}";
            await (await secretariat.Http.PostJsonAsync(Scheduled, new { text = fence, sendAt = DateTimeOffset.UtcNow.AddSeconds(2) })).ReadJsonAsync(HttpStatusCode.Created);
            await aliceHub.WaitForEventAsync("message", m => m.Str("text") == fence, PostTimeout);
            var post = Assert.Single(await alice.HistoryAsync(Steps.Broadcast), m => m.Str("text") == text);
            Assert.Equal(secretariat.Id, post.Str("senderId"));
            Assert.True(aliceHub.EventsOf("message", m => m.Str("text") == text).Length <= 1);
            Assert.Equal(HttpStatusCode.NoContent, (await secretariat.Http.DeleteAsync($"{Scheduled}/{laterId}")).StatusCode);
        }
        finally
        {
            CommunityNode.DeleteData(dataPath);
        }
    }
}
