using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Community.Tests.Gateway;

/// <summary>The per-member send rate, on a node of its own with a small bucket (5, then 1 a second).</summary>
public sealed class SendRateLimitTests
{
    [Fact]
    public async Task Sending_beyond_the_members_send_rate_is_rate_limited()
    {
        await using var node = await CommunityNode.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Community:Limits:MessageBurst"] = "5",
            ["Community:Limits:MessagesPerSecond"] = "1",
        });
        var network = new Network(node);
        var hasty = await network.JoinAsync("hasty");
        var calm = await network.JoinAsync("calm");
        var roomId = await Steps.RoomWithAsync(hasty, calm);
        await using var hub = await node.ConnectAsync(hasty);
        await using var calmHub = await node.ConnectAsync(calm);

        // All six go out at once, so the bucket has no time to refill in between.
        var sends = Enumerable.Range(1, 6).Select(i => hub.SendTextAsync(roomId, $"spam {i}", clientMsgId: $"spam-{i}")).ToArray();
        await Task.WhenAll(sends.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Steps.BatchTimeout);

        var refused = sends.Where(s => s.IsFaulted).Select(s => s.Exception!.InnerException).ToArray();
        var accepted = sends.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result.Long("seq")).Order().ToArray();
        Assert.Equal(Steps.Range(1, 5), accepted);
        var error = Assert.IsType<HubException>(Assert.Single(refused));
        Assert.StartsWith("rate_limited:", error.Message, StringComparison.Ordinal);
        Assert.Equal(Steps.Range(1, 5), (await hasty.HistoryAsync(roomId)).Seqs());
        // The bucket is the member's own: another member sends as usual.
        Assert.Equal(6, (await calmHub.SendTextAsync(roomId, "hello")).Long("seq"));
    }
}
