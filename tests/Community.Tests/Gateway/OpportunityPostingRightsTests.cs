using System.Net;
using System.Net.Http.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>A network that lets members post opportunities (<c>Community:Opportunities:MembersMayPost</c>).</summary>
public sealed class OpportunityPostingRightsTests
{
    [Fact]
    public async Task Where_the_network_lets_members_post_a_member_posts_and_the_channel_announces_it_under_their_name()
    {
        await using var node = await CommunityNode.StartAsync(settings: new Dictionary<string, string?> { ["Community:Opportunities:MembersMayPost"] = "true" });
        var network = new Network(node);
        var poster = await network.JoinAsync();
        var reader = await network.JoinAsync();
        await using var hub = await node.ConnectAsync(reader);

        var response = await poster.Http.PostAsJsonAsync("/api/opportunities", new { kind = "side-work", title = "ロゴ制作", description = "小さな案件です" });

        var posted = await response.ReadJsonAsync(HttpStatusCode.Created);
        var announcement = await hub.WaitForEventAsync("message", m => m.Str("roomId") == Steps.Broadcast && m.Str("clientMsgId") == $"opportunity:{posted.Str("id")}");
        Assert.Equal(poster.Id, announcement.Str("senderId"));
        var config = await (await node.Anonymous.GetAsync("/client/config.json")).ReadJsonAsync();
        Assert.True(config.GetProperty("membersPostOpportunities").GetBoolean());
        await using var posterHub = await node.ConnectAsync(poster);
        await Steps.AssertHubErrorAsync("forbidden", () => posterHub.SendTextAsync(Steps.Broadcast, "それでも普通の投稿はできない"));
    }
}
