using System.Net;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

[Collection(MembersNode.Name)]
public sealed class PrivacyTests(MembersNodeFixture fixture)
{
    [Fact]
    public async Task A_non_member_cannot_read_the_history_of_a_private_room()
    {
        var (alice, bob, carol) = (fixture.Alice, fixture.Bob, fixture.Carol);
        var roomId = await Steps.PrivateRoomWithAsync(alice, bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(alice);
        await aliceHub.SendTextAsync(roomId, "the reorg plan, in confidence");

        var response = await carol.Http.GetAsync($"/api/rooms/{roomId}/messages");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Single(await bob.HistoryAsync(roomId));
    }

    [Fact]
    public async Task A_non_member_cannot_send_into_a_private_room()
    {
        var (alice, bob, carol) = (fixture.Alice, fixture.Bob, fixture.Carol);
        var roomId = await Steps.PrivateRoomWithAsync(alice, bob);
        await using var carolHub = await fixture.Node.ConnectAsync(carol);

        await Steps.AssertHubErrorAsync("forbidden", () => carolHub.SendTextAsync(roomId, "let me in"));

        Assert.Empty(await alice.HistoryAsync(roomId));
        Assert.Equal(0, (await alice.ListedRoomAsync(roomId)).Long("lastSeq"));
    }

    [Fact]
    public async Task A_non_member_does_not_receive_the_events_of_a_private_room()
    {
        var (alice, bob, carol) = (fixture.Alice, fixture.Bob, fixture.Carol);
        var roomId = await Steps.PrivateRoomWithAsync(alice, bob);
        var carolsFenceRoom = await Steps.RoomWithAsync(carol);
        await using var aliceHub = await fixture.Node.ConnectAsync(alice);
        await using var bobHub = await fixture.Node.ConnectAsync(bob);
        await using var carolHub = await fixture.Node.ConnectAsync(carol);

        await aliceHub.SendTextAsync(roomId, "the reorg plan, in confidence");
        await aliceHub.InvokeAsync("EditMessage", roomId, 1, "the reorg plan, strictly in confidence");
        await bobHub.InvokeVoidAsync("MarkRead", roomId, 1);
        await aliceHub.InvokeVoidAsync("DeleteMessage", roomId, 1);

        await bobHub.WaitForMessageAsync(roomId, 1);
        await bobHub.WaitForEventAsync("messageDeleted", e => e.Str("roomId") == roomId);
        await carolHub.PassFenceAsync(carolsFenceRoom);
        Assert.Empty(carolHub.AnyEventsAbout(roomId));
    }

    [Fact]
    public async Task A_member_who_has_not_joined_a_public_room_does_not_receive_its_events()
    {
        var (alice, bob, carol) = (fixture.Alice, fixture.Bob, fixture.Carol);
        var roomId = await Steps.RoomWithAsync(alice, bob);
        var carolsFenceRoom = await Steps.RoomWithAsync(carol);
        await using var aliceHub = await fixture.Node.ConnectAsync(alice);
        await using var bobHub = await fixture.Node.ConnectAsync(bob);
        await using var carolHub = await fixture.Node.ConnectAsync(carol);

        await aliceHub.SendTextAsync(roomId, "anyone from the Osaka office?");
        await aliceHub.InvokeAsync("EditMessage", roomId, 1, "anyone from the Osaka branch?");

        await bobHub.WaitForMessageAsync(roomId, 1);
        await bobHub.WaitForEventAsync("messageEdited", e => e.Str("roomId") == roomId);
        await carolHub.PassFenceAsync(carolsFenceRoom);
        Assert.Empty(carolHub.AnyEventsAbout(roomId));
    }

    [Fact]
    public async Task A_third_member_cannot_read_another_pairs_dm()
    {
        var (hanako, taro, jiro) = (await fixture.NewMemberAsync(), await fixture.NewMemberAsync(), fixture.Carol);
        var dmId = (await hanako.OpenDmAsync(taro.Id)).Str("id");
        await using var hanakoHub = await fixture.Node.ConnectAsync(hanako);
        await hanakoHub.SendTextAsync(dmId, "just between us");

        var response = await jiro.Http.GetAsync($"/api/rooms/{dmId}/messages");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Single(await taro.HistoryAsync(dmId));
    }

    [Fact]
    public async Task A_third_member_cannot_send_into_another_pairs_dm()
    {
        var (hanako, taro, jiro) = (await fixture.NewMemberAsync(), await fixture.NewMemberAsync(), fixture.Carol);
        var dmId = (await hanako.OpenDmAsync(taro.Id)).Str("id");
        await using var jiroHub = await fixture.Node.ConnectAsync(jiro);

        await Steps.AssertHubErrorAsync("forbidden", () => jiroHub.SendTextAsync(dmId, "mind if I join?"));

        Assert.Empty(await hanako.HistoryAsync(dmId));
    }

    [Fact]
    public async Task A_third_member_does_not_receive_the_events_of_another_pairs_dm()
    {
        var (hanako, taro, jiro) = (await fixture.NewMemberAsync(), await fixture.NewMemberAsync(), fixture.Carol);
        var jirosFenceRoom = await Steps.RoomWithAsync(jiro);
        await using var hanakoHub = await fixture.Node.ConnectAsync(hanako);
        await using var taroHub = await fixture.Node.ConnectAsync(taro);
        await using var jiroHub = await fixture.Node.ConnectAsync(jiro);

        var dmId = (await hanako.OpenDmAsync(taro.Id)).Str("id");
        await hanakoHub.SendTextAsync(dmId, "just between us");
        await taroHub.InvokeVoidAsync("MarkRead", dmId, 1);
        await hanakoHub.InvokeVoidAsync("DeleteMessage", dmId, 1);

        await taroHub.WaitForMessageAsync(dmId, 1);
        await hanakoHub.WaitForEventAsync("read", e => e.Str("roomId") == dmId && e.Str("memberId") == taro.Id);
        await taroHub.WaitForEventAsync("messageDeleted", e => e.Str("roomId") == dmId);
        await jiroHub.PassFenceAsync(jirosFenceRoom);
        Assert.Empty(jiroHub.AnyEventsAbout(dmId));
    }
}
