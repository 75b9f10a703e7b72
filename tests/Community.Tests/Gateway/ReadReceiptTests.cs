using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>The <c>read</c> event: to the reader's own connections, and in a DM to the other member.</summary>
[Collection(MembersNode.Name)]
public sealed class ReadReceiptTests(MembersNodeFixture fixture)
{
    private TestMember Alice => fixture.Alice;

    private TestMember Bob => fixture.Bob;

    [Fact]
    public async Task When_a_dm_member_marks_read_the_other_member_gets_a_read_receipt()
    {
        var dm = (await Steps.OpenDmAsync(Alice, Bob.Id)).Str("id");
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var sent = await aliceHub.SendTextAsync(dm, "既読になりますか");

        await bobHub.InvokeVoidAsync("MarkRead", dm, sent.Long("seq"));

        var read = await aliceHub.WaitForEventAsync("read", r => r.Str("roomId") == dm && r.Str("memberId") == Bob.Id);
        Assert.Equal((dm, Bob.Id, sent.Long("seq")), (read.Str("roomId"), read.Str("memberId"), read.Long("seq")));
        var own = await bobHub.WaitForEventAsync("read", r => r.Str("roomId") == dm && r.Str("memberId") == Bob.Id);
        Assert.Equal(sent.Long("seq"), own.Long("seq"));
    }

    [Fact]
    public async Task In_a_talk_room_a_read_marker_goes_only_to_the_reader_own_connections()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var sent = await aliceHub.SendTextAsync(room, "読みましたか");

        await bobHub.InvokeVoidAsync("MarkRead", room, sent.Long("seq"));
        await bobHub.WaitForEventAsync("read", r => r.Str("roomId") == room && r.Str("memberId") == Bob.Id);
        // Fence: Bob's next message reaches Alice; his read marker must not have before it.
        var later = await bobHub.SendTextAsync(room, "読みました");

        await aliceHub.WaitForEventAsync("message", m => m.Str("roomId") == room && m.Long("seq") == later.Long("seq"));
        Assert.Empty(Steps.EventsOf(aliceHub, "read", r => r.Str("roomId") == room && r.Str("memberId") == Bob.Id));
    }
}
