using System.Net;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>Joining, leaving, adding and removing room members over REST, and what open connections hear of it.</summary>
[Collection(MembersNode.Name)]
public sealed class RoomMembershipTests(MembersNodeFixture fixture)
{
    private TestMember Alice => fixture.Alice;

    private TestMember Bob => fixture.Bob;

    private TestMember Carol => fixture.Carol;

    [Fact]
    public async Task Joining_a_public_room_makes_me_a_member()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Open to join")).Str("id");

        var joined = await Steps.JoinRoomAsync(Bob, room);

        Assert.Equal(room, joined.Str("id"));
        Assert.Equal("member", joined.Str("myRole"));
        Assert.Equal(2, joined.Long("memberCount"));
        Assert.Contains(room, Steps.Ids(await Steps.MyRoomsAsync(Bob)));
        Assert.Equal(new[] { $"{Alice.Id}:owner", $"{Bob.Id}:member" }.Order(StringComparer.Ordinal),
            Steps.Roles(await Steps.MembersOfAsync(Alice, room)));
    }

    [Fact]
    public async Task Joining_twice_is_harmless()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Join me twice")).Str("id");

        var first = await Steps.JoinRoomAsync(Bob, room);
        var second = await Steps.JoinRoomAsync(Bob, room);
        var ownerJoins = await Steps.JoinRoomAsync(Alice, room);

        Assert.Equal(("member", 2L), (first.Str("myRole"), first.Long("memberCount")));
        Assert.Equal(("member", 2L), (second.Str("myRole"), second.Long("memberCount")));
        Assert.Equal(("owner", 2L), (ownerJoins.Str("myRole"), ownerJoins.Long("memberCount")));
        Assert.Equal(new[] { $"{Alice.Id}:owner", $"{Bob.Id}:member" }.Order(StringComparer.Ordinal),
            Steps.Roles(await Steps.MembersOfAsync(Bob, room)));
        Assert.Single(await Steps.MyRoomsAsync(Bob), r => r.Str("id") == room);
    }

    [Fact]
    public async Task Joining_a_private_room_is_forbidden()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "By invitation", "private")).Str("id");

        var response = await Bob.Http.PostAsync($"/api/rooms/{room}/join", null);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal([$"{Alice.Id}:owner"], Steps.Roles(await Steps.MembersOfAsync(Alice, room)));
        Assert.DoesNotContain(room, Steps.Ids(await Steps.MyRoomsAsync(Bob)));
    }

    [Fact]
    public async Task Joining_an_unknown_room_is_not_found()
    {
        var response = await Bob.Http.PostAsync("/api/rooms/r_nosuchroom00000/join", null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Leaving_a_room_takes_it_off_my_list()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Come and go")).Str("id");
        await Steps.JoinRoomAsync(Bob, room);

        var response = await Bob.Http.PostAsync($"/api/rooms/{room}/leave", null);

        await response.ReadJsonAsync(HttpStatusCode.NoContent);
        Assert.DoesNotContain(room, Steps.Ids(await Steps.MyRoomsAsync(Bob)));
        Assert.Equal([$"{Alice.Id}:owner"], Steps.Roles(await Steps.MembersOfAsync(Alice, room)));
        Assert.Equal(1, (await Steps.GetAsync(Alice, $"/api/rooms/{room}")).Long("memberCount"));
        await (await Bob.Http.GetAsync($"/api/rooms/{room}/members")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Leaving_a_room_I_am_not_in_is_forbidden()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Never joined")).Str("id");

        var response = await Carol.Http.PostAsync($"/api/rooms/{room}/leave", null);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal([$"{Alice.Id}:owner"], Steps.Roles(await Steps.MembersOfAsync(Alice, room)));
    }

    [Fact]
    public async Task The_members_list_shows_each_member_with_their_role_in_the_room()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Who is here")).Str("id");
        await Steps.JoinRoomAsync(Bob, room);

        var members = await Steps.MembersOfAsync(Bob, room);

        Assert.Equal(2, members.Length);
        var owner = Assert.Single(members, m => m.GetProperty("member").Str("id") == Alice.Id);
        Assert.Equal("owner", owner.Str("role"));
        Assert.Equal("alice", owner.GetProperty("member").Str("handle"));
        Assert.Equal("山田 花子", owner.GetProperty("member").Str("displayName"));
        Assert.Equal("alumnus", owner.GetProperty("member").Str("role"));
        Assert.True(owner.GetProperty("member").TryGetProperty("online", out _));
        var member = Assert.Single(members, m => m.GetProperty("member").Str("id") == Bob.Id);
        Assert.Equal("member", member.Str("role"));
        Assert.Equal("bob", member.GetProperty("member").Str("handle"));
        Assert.Equal("佐藤 太郎", member.GetProperty("member").Str("displayName"));
    }

    [Fact]
    public async Task A_non_member_cannot_list_the_members_of_a_public_room()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Members only list")).Str("id");

        var response = await Carol.Http.GetAsync($"/api/rooms/{room}/members");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Any_member_of_a_public_room_may_add_someone()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Bring a friend")).Str("id");
        var beforeJoining = await Bob.Http.PostJsonAsync($"/api/rooms/{room}/members", new { memberId = Carol.Id });
        await Steps.JoinRoomAsync(Bob, room);

        await Steps.AddMemberAsync(Bob, room, Carol.Id);
        await Steps.AddMemberAsync(Bob, room, Carol.Id);

        await beforeJoining.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var seenByCarol = Steps.Single(await Steps.MyRoomsAsync(Carol), room);
        Assert.Equal(("member", 3L), (seenByCarol.Str("myRole"), seenByCarol.Long("memberCount")));
        Assert.Equal(new[] { $"{Alice.Id}:owner", $"{Bob.Id}:member", $"{Carol.Id}:member" }.Order(StringComparer.Ordinal),
            Steps.Roles(await Steps.MembersOfAsync(Carol, room)));
    }

    [Fact]
    public async Task In_a_private_room_only_the_owner_may_add_someone()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Closed circle", "private")).Str("id");
        await Steps.AddMemberAsync(Alice, room, Bob.Id);

        var byMember = await Bob.Http.PostJsonAsync($"/api/rooms/{room}/members", new { memberId = Carol.Id });

        await byMember.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Carol.Http.GetAsync($"/api/rooms/{room}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await Steps.AddMemberAsync(Alice, room, Carol.Id);
        Assert.Equal("member", (await Steps.GetAsync(Carol, $"/api/rooms/{room}")).Str("myRole"));
        Assert.Equal(new[] { $"{Alice.Id}:owner", $"{Bob.Id}:member", $"{Carol.Id}:member" }.Order(StringComparer.Ordinal),
            Steps.Roles(await Steps.MembersOfAsync(Alice, room)));
    }

    [Fact]
    public async Task Adding_an_unknown_member_is_not_found()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Ghost guest")).Str("id");

        var response = await Alice.Http.PostJsonAsync($"/api/rooms/{room}/members", new { memberId = "m_nosuchmember000" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal([$"{Alice.Id}:owner"], Steps.Roles(await Steps.MembersOfAsync(Alice, room)));
    }

    [Fact]
    public async Task The_owner_may_remove_a_member_who_then_cannot_read_the_history()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Tidy up", "private")).Str("id");
        await Steps.AddMemberAsync(Alice, room, Bob.Id);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await aliceHub.SendTextAsync(room, "Only for members");
        Assert.Single(await Steps.HistoryAsync(Bob, room));

        var response = await Alice.Http.DeleteAsync($"/api/rooms/{room}/members/{Bob.Id}");

        await response.ReadJsonAsync(HttpStatusCode.NoContent);
        await (await Bob.Http.GetAsync($"/api/rooms/{room}/messages")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Bob.Http.GetAsync($"/api/rooms/{room}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.DoesNotContain(room, Steps.Ids(await Steps.MyRoomsAsync(Bob)));
        Assert.Equal([$"{Alice.Id}:owner"], Steps.Roles(await Steps.MembersOfAsync(Alice, room)));
    }

    [Fact]
    public async Task The_secretariat_may_remove_a_member_of_a_room_it_is_not_in()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Moderated from outside")).Str("id");
        await Steps.JoinRoomAsync(Bob, room);

        var response = await fixture.Secretariat.Http.DeleteAsync($"/api/rooms/{room}/members/{Bob.Id}");

        await response.ReadJsonAsync(HttpStatusCode.NoContent);
        await (await Bob.Http.GetAsync($"/api/rooms/{room}/messages")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal([$"{Alice.Id}:owner"], Steps.Roles(await Steps.MembersOfAsync(Alice, room)));
    }

    [Fact]
    public async Task A_plain_member_cannot_remove_anyone()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "No kicking")).Str("id");
        await Steps.JoinRoomAsync(Bob, room);
        await Steps.JoinRoomAsync(Carol, room);

        var response = await Bob.Http.DeleteAsync($"/api/rooms/{room}/members/{Carol.Id}");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("member", (await Steps.GetAsync(Carol, $"/api/rooms/{room}")).Str("myRole"));
    }

    [Fact]
    public async Task The_owner_cannot_be_removed_by_another_member()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Owner stays")).Str("id");
        await Steps.JoinRoomAsync(Bob, room);

        var response = await Bob.Http.DeleteAsync($"/api/rooms/{room}/members/{Alice.Id}");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(new[] { $"{Alice.Id}:owner", $"{Bob.Id}:member" }.Order(StringComparer.Ordinal),
            Steps.Roles(await Steps.MembersOfAsync(Alice, room)));
    }

    [Fact]
    public async Task Removing_someone_who_is_not_in_the_room_is_not_found()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Nobody to remove")).Str("id");

        var response = await Alice.Http.DeleteAsync($"/api/rooms/{room}/members/{Carol.Id}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_added_member_connection_hears_roomUpdated_and_membership_and_then_the_room_messages()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Late arrival", "private")).Str("id");
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var carolHub = await fixture.Node.ConnectAsync(Carol);
        await aliceHub.SendTextAsync(room, "Before Carol came");

        await Steps.AddMemberAsync(Alice, room, Carol.Id);

        var membership = await carolHub.WaitForEventAsync("membership", m => m.Str("roomId") == room);
        Assert.Equal(Carol.Id, membership.Str("memberId"));
        Assert.True(membership.GetProperty("joined").GetBoolean());
        var updated = await carolHub.WaitForEventAsync("roomUpdated", r => r.Str("id") == room);
        Assert.Equal(("Late arrival", "member", 2L, 1L), (updated.Str("name"), updated.Str("myRole"), updated.Long("memberCount"), updated.Long("lastSeq")));
        await aliceHub.WaitForEventAsync("membership", m => m.Str("roomId") == room && m.Str("memberId") == Carol.Id);

        await aliceHub.SendTextAsync(room, "Welcome, Carol");
        var message = await carolHub.WaitForEventAsync("message", m => m.Str("roomId") == room);
        Assert.Equal((2L, "Welcome, Carol"), (message.Long("seq"), message.Str("text")));
        // Events arrive in the order they were published: the message sent before Carol was
        // added would have come before her membership event.
        Assert.Single(carolHub.Events, e => e.Target == "message" && e.Arg.Str("roomId") == room);
    }

    [Fact]
    public async Task A_joining_member_connection_hears_the_room_from_then_on()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Drop-in")).Str("id");
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);

        await Steps.JoinRoomAsync(Bob, room);

        await bobHub.WaitForEventAsync("membership", m => m.Str("roomId") == room && m.Str("memberId") == Bob.Id);
        await aliceHub.SendTextAsync(room, "Hi Bob");
        var message = await bobHub.WaitForEventAsync("message", m => m.Str("roomId") == room);
        Assert.Equal("Hi Bob", message.Str("text"));
    }

    [Fact]
    public async Task A_removed_member_connection_hears_the_removal_and_then_nothing_more_of_the_room()
    {
        var room = (await Steps.CreateRoomAsync(Alice, "Exit door")).Str("id");
        var dm = (await Steps.OpenDmAsync(Alice, Bob.Id)).Str("id");
        await Steps.JoinRoomAsync(Bob, room);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);

        await (await Alice.Http.DeleteAsync($"/api/rooms/{room}/members/{Bob.Id}")).ReadJsonAsync(HttpStatusCode.NoContent);

        var left = await bobHub.WaitForEventAsync("membership", m => m.Str("roomId") == room && m.Str("memberId") == Bob.Id);
        Assert.False(left.GetProperty("joined").GetBoolean());
        await aliceHub.SendTextAsync(room, "After Bob left");
        var marker = Steps.NewClientMsgId();
        await aliceHub.SendTextAsync(dm, "Sent after the room message", marker);
        await bobHub.WaitForEventAsync("message", m => m.Str("clientMsgId") == marker);
        Assert.DoesNotContain(bobHub.Events, e => e.Target == "message" && e.Arg.Str("roomId") == room);
    }
}
