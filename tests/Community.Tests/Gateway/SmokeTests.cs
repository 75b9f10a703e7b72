using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Community.Tests.Gateway;

[Collection(SharedNode.Name)]
public sealed class SmokeTests(SharedNodeFixture fixture)
{
    [Fact]
    public async Task A_message_sent_in_a_dm_reaches_the_other_member_and_errors_carry_their_code()
    {
        var node = fixture.Node;
        var hanako = await fixture.Network.JoinAsync();
        var taro = await fixture.Network.JoinAsync();
        var dm = await hanako.OpenDmAsync(taro.Id);

        await using var taroHub = await node.ConnectAsync(taro);
        await using var hanakoHub = await node.ConnectAsync(hanako, tokenInQueryString: true);
        var sent = await hanakoHub.InvokeAsync("SendMessage", dm.Str("id"), new { clientMsgId = "c1", text = "久しぶり！" });
        var received = await taroHub.WaitForEventAsync("message", m => m.Str("roomId") == dm.Str("id"));

        Assert.Equal(1, sent.Long("seq"));
        Assert.Equal("久しぶり！", received.Str("text"));
        var error = await Assert.ThrowsAsync<HubException>(() => taroHub.InvokeAsync("SendMessage", "r_nosuchroom", new { clientMsgId = "c2", text = "hi" }));
        // The client's HubException carries the server's error text as sent: the code first, no SignalR prefix.
        Assert.Equal("not_found: no such room", error.Message);
    }
}
