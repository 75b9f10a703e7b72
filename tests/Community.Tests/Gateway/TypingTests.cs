using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>The <c>typing</c> event: to the room's other members, never back to the typer.</summary>
[Collection(MembersNode.Name)]
public sealed class TypingTests(MembersNodeFixture fixture)
{
    private TestMember Alice => fixture.Alice;

    private TestMember Bob => fixture.Bob;

    [Fact]
    public async Task Typing_is_shown_to_the_other_members_of_the_room()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);

        await aliceHub.InvokeVoidAsync("Typing", room);

        var typing = await bobHub.WaitForEventAsync("typing", t => t.Str("roomId") == room);
        Assert.Equal((room, Alice.Id), (typing.Str("roomId"), typing.Str("memberId")));
    }

    [Fact]
    public async Task The_typer_own_other_connection_does_not_see_their_typing()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var aliceOtherHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);

        await aliceHub.InvokeVoidAsync("Typing", room);
        await bobHub.WaitForEventAsync("typing", t => t.Str("roomId") == room);
        // Fence: a message sent after the typing reaches both of Alice's connections; no typing came before it.
        var sent = await bobHub.SendTextAsync(room, "入力中でしたね");

        foreach (var hub in new[] { aliceHub, aliceOtherHub })
        {
            await hub.WaitForEventAsync("message", m => m.Str("roomId") == room && m.Long("seq") == sent.Long("seq"));
            Assert.Empty(Steps.EventsOf(hub, "typing", t => t.Str("roomId") == room));
        }
    }

    [Fact]
    public async Task Typing_in_a_room_I_do_not_belong_to_is_forbidden()
    {
        var room = await Steps.RoomWithAsync(Alice);
        await using var carolHub = await fixture.Node.ConnectAsync(fixture.Carol);

        await Steps.AssertHubErrorAsync("forbidden", () => carolHub.InvokeAsync("Typing", room));
    }

    [Fact]
    public async Task Typing_in_the_broadcast_channel_is_accepted_and_reaches_no_one()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);

        await aliceHub.InvokeVoidAsync("Typing", "broadcast");
        // Fence: typing in a room they share, after it.
        await aliceHub.InvokeVoidAsync("Typing", room);
        await bobHub.WaitForEventAsync("typing", t => t.Str("roomId") == room);

        Assert.Empty(Steps.EventsOf(bobHub, "typing", "broadcast"));
    }
}
