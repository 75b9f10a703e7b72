using System.Net;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// A member's own mute of a room's notifications (<c>PUT /api/rooms/{id}/notifications</c>): shown
/// in their room list, silencing <c>@all</c> and <c>@here</c> for them alone, undone by unmuting.
/// </summary>
[Collection(CrowdNode.Name)]
public sealed class RoomNotificationMuteTests(CrowdNodeFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private TestMember Owner => fixture.Owner;

    private IReadOnlyList<TestMember> Crowd => fixture.Crowd;

    [Fact]
    public async Task Muting_a_room_shows_in_the_room_list_and_the_room_for_the_member_alone()
    {
        var room = await fixture.RoomOfAsync(2);
        await using var ownHub = await fixture.Node.ConnectAsync(Crowd[0]);

        var answer = await Crowd[0].MuteNotificationsAsync(room);

        Assert.True(answer.GetProperty("notificationsMuted").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("notificationsMutedUntil").ValueKind);
        Assert.True((await Crowd[0].ListedRoomAsync(room)).GetProperty("notificationsMuted").GetBoolean());
        Assert.True((await Crowd[0].GetAsync($"/api/rooms/{room}")).GetProperty("notificationsMuted").GetBoolean());
        Assert.False((await Crowd[1].ListedRoomAsync(room)).GetProperty("notificationsMuted").GetBoolean());
        Assert.False((await Owner.ListedRoomAsync(room)).GetProperty("notificationsMuted").GetBoolean());
        var updated = await ownHub.WaitForEventAsync("roomUpdated", r => r.Str("id") == room);
        Assert.True(updated.GetProperty("notificationsMuted").GetBoolean());
    }

    [Fact]
    public async Task A_mute_until_a_time_shows_its_end()
    {
        var room = await fixture.RoomOfAsync(1);
        var until = DateTimeOffset.UtcNow.AddHours(8);

        await Crowd[0].MuteNotificationsAsync(room, until: until);

        var listed = await Crowd[0].ListedRoomAsync(room);
        Assert.True(listed.GetProperty("notificationsMuted").GetBoolean());
        Assert.Equal(until.ToUnixTimeMilliseconds(), listed.GetProperty("notificationsMutedUntil").GetDateTimeOffset().ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Unmuting_a_room_brings_at_all_back()
    {
        var room = await fixture.RoomOfAsync(2);
        await Crowd[1].MuteNotificationsAsync(room);
        await using var senderHub = await fixture.Node.ConnectAsync(Crowd[0]);
        await using var memberHub = await fixture.Node.ConnectAsync(Crowd[1]);
        var whileMuted = await senderHub.SendTextAsync(room, "@all ミュート中");
        await memberHub.WaitForMessageAsync(room, whileMuted.Long("seq"));

        var unmuted = await Crowd[1].MuteNotificationsAsync(room, muted: false);
        var afterwards = await senderHub.SendTextAsync(room, "@all ミュート解除後");

        Assert.False(unmuted.GetProperty("notificationsMuted").GetBoolean());
        Assert.False((await Crowd[1].ListedRoomAsync(room)).GetProperty("notificationsMuted").GetBoolean());
        await memberHub.WaitForEventAsync("mention", m => m.Str("roomId") == room && m.Long("seq") == afterwards.Long("seq"));
        Assert.Empty(memberHub.MentionsOf(room, whileMuted.Long("seq")));
    }

    [Fact]
    public async Task A_member_mutes_a_DM_too()
    {
        var dm = (await Crowd[0].OpenDmAsync(Crowd[1].Id)).Str("id");

        var answer = await Crowd[0].MuteNotificationsAsync(dm);

        Assert.Equal(("dm", true), (answer.Str("kind"), answer.GetProperty("notificationsMuted").GetBoolean()));
        Assert.True((await Crowd[0].ListedRoomAsync(dm)).GetProperty("notificationsMuted").GetBoolean());
        Assert.False((await Crowd[1].ListedRoomAsync(dm)).GetProperty("notificationsMuted").GetBoolean());
    }

    [Fact]
    public async Task Bad_notification_settings_are_invalid_and_change_nothing()
    {
        var room = await fixture.RoomOfAsync(1);
        var member = Crowd[0];

        await (await member.PutNotificationsAsync(room, new { })).AssertInvalidAsync("muted");
        await (await member.PutNotificationsAsync(room, new { muted = true, until = DateTimeOffset.UtcNow.AddMinutes(-1) })).AssertInvalidAsync("until");
        await (await member.PutNotificationsAsync(room, new { muted = true, until = DateTimeOffset.UtcNow.AddDays(400) })).AssertInvalidAsync("until");
        await (await member.PutNotificationsAsync(room, new { muted = false, until = DateTimeOffset.UtcNow.AddHours(1) })).AssertInvalidAsync("until");
        await (await member.PutNotificationsAsync(room, new { muted = "yes" })).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");

        Assert.False((await member.ListedRoomAsync(room)).GetProperty("notificationsMuted").GetBoolean());
    }

    [Fact]
    public async Task Only_a_member_of_the_room_mutes_its_notifications()
    {
        var room = await fixture.RoomOfAsync(0);

        await (await Crowd[0].PutNotificationsAsync(room, new { muted = true })).AssertForbiddenAsync();
        await (await Crowd[0].PutNotificationsAsync("r_nosuchroom", new { muted = true })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_mute_of_notifications_survives_a_restart_and_is_not_a_mute_of_posting()
    {
        var dataPath = CommunityNode.NewDataPath();
        try
        {
            TestMember owner, member;
            string room;
            await using (var first = await CommunityNode.StartAsync(dataPath).WaitAsync(Timeout))
            {
                var network = new Network(first);
                (owner, member) = (await network.JoinAsync(), await network.JoinAsync());
                room = await Steps.RoomWithAsync(owner, member);
                await member.MuteNotificationsAsync(room);
            }

            await using var second = await CommunityNode.StartAsync(dataPath).WaitAsync(Timeout);
            (owner, member) = (owner with { Http = second.ClientFor(owner.Token) }, member with { Http = second.ClientFor(member.Token) });
            await using var ownerHub = await second.ConnectAsync(owner);
            await using var memberHub = await second.ConnectAsync(member);

            Assert.True((await member.ListedRoomAsync(room)).GetProperty("notificationsMuted").GetBoolean());
            var all = await ownerHub.SendTextAsync(room, "@all 再起動後");
            var reply = await memberHub.SendTextAsync(room, "投稿はできます");
            await memberHub.WaitForMessageAsync(room, reply.Long("seq"));
            Assert.Empty(memberHub.MentionsOf(room, all.Long("seq")));
        }
        finally
        {
            CommunityNode.DeleteData(dataPath);
        }
    }
}
