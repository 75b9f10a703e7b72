using Community.Tests.Support;

namespace Community.Tests.Gateway;

[Collection(SharedNode.Name)]
public sealed class ReadyEventTests(SharedNodeFixture fixture)
{
    [Fact]
    public async Task A_connection_hears_ready_and_from_then_on_every_message_of_its_rooms()
    {
        var node = fixture.Node;
        var hanako = await fixture.Network.JoinAsync();
        var room = await hanako.RoomWithAsync();
        await using var sender = await node.ConnectAsync(hanako);

        var sending = Task.Run(async () =>
        {
            for (var i = 1; i <= 20; i++) await sender.InvokeAsync("SendMessage", room, new { clientMsgId = $"m{i}", text = $"{i}" });
        });
        await using var listener = await HubTestClient.ConnectAsync(node.BaseAddress, hanako.Token);
        var ready = await listener.WaitForEventAsync("ready");
        var firstHeard = await listener.WaitForEventAsync("message", m => m.Str("roomId") == room);
        await sending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(hanako.Id, ready.Str("memberId"));
        var heard = new List<long> { firstHeard.Long("seq") };
        while (heard[^1] < 20) heard.Add((await listener.WaitForEventAsync("message", m => m.Str("roomId") == room)).Long("seq"));
        Assert.Equal(Enumerable.Range((int)heard[0], 21 - (int)heard[0]).Select(i => (long)i), heard);
    }
}
