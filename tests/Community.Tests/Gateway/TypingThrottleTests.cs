using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>Typing notices: one relayed per member and room per interval, the rest dropped without an error.</summary>
public sealed class TypingThrottleTests
{
    [Fact]
    public async Task Three_hundred_typing_calls_make_one_typing_event_per_room()
    {
        // An interval no test outlasts: what is relayed does not depend on how fast the calls go.
        await using var node = await CommunityNode.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Community:Limits:TypingInterval"] = "01:00:00",
        });
        var network = new Network(node);
        var typist = await network.JoinAsync("typist");
        var reader = await network.JoinAsync("reader");
        var first = await Steps.RoomWithAsync(typist, reader);
        var second = await Steps.RoomWithAsync(typist, reader);
        await using var typistHub = await node.ConnectAsync(typist);
        await using var readerHub = await node.ConnectAsync(reader);

        for (var call = 0; call < 300; call++) await typistHub.InvokeVoidAsync("Typing", first);
        await typistHub.InvokeVoidAsync("Typing", second);
        await readerHub.WaitForEventAsync("typing", t => t.Str("roomId") == second);
        // Fence: a message after all of them.
        var sent = await typistHub.SendTextAsync(first, "書き終わりました");
        await readerHub.WaitForMessageAsync(first, sent.Long("seq"));

        Assert.Single(Steps.EventsOf(readerHub, "typing", first));
        Assert.Single(Steps.EventsOf(readerHub, "typing", second));
    }

    [Fact]
    public async Task A_refused_typing_call_is_refused_every_time()
    {
        await using var node = await CommunityNode.StartAsync();
        var network = new Network(node);
        var owner = await network.JoinAsync("owner");
        var outsider = await network.JoinAsync("outsider");
        var room = await Steps.PrivateRoomWithAsync(owner);
        await using var outsiderHub = await node.ConnectAsync(outsider);

        await Steps.AssertHubErrorAsync("forbidden", () => outsiderHub.InvokeAsync("Typing", room));
        await Steps.AssertHubErrorAsync("forbidden", () => outsiderHub.InvokeAsync("Typing", room));
    }
}
