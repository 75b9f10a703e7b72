using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>Rooms, DMs, members, read markers and history survive stopping a node and starting another on its data.</summary>
public sealed class RestartTests(RoomsRestartFixture fixture) : IClassFixture<RoomsRestartFixture>
{
    private Restarted State => fixture.State;

    private TestMember Alice => State.Alice;

    private TestMember Bob => State.Bob;

    private RestartRooms Rooms => State.Rooms;

    [Fact]
    public async Task Tokens_issued_before_a_restart_still_work()
    {
        foreach (var member in new[] { Alice, Bob })
        {
            var me = await Steps.GetAsync(member, "/api/me");
            Assert.Equal((member.Id, member.Handle), (me.Str("id"), me.Str("handle")));
            await using var hub = await fixture.Node.ConnectAsync(member);
            Assert.False(hub.IsClosed);
        }
    }

    [Fact]
    public void My_rooms_list_is_the_same_after_a_restart()
    {
        foreach (var member in new[] { Alice, Bob })
        {
            Assert.Equal(State.Before[member, "rooms"], State.After[member, "rooms"]);
        }
    }

    [Fact]
    public void My_rooms_after_a_restart_have_the_read_state_and_last_messages_from_before()
    {
        var rooms = JsonDocument.Parse(State.After[Alice, "rooms"]).RootElement.Items();

        Assert.Equal(Rooms.All.Append("broadcast").Order(), Steps.Ids(rooms).Order());
        var open = Steps.Single(rooms, Rooms.Public);
        Assert.Equal(("owner", 2L, 4L, 3L, 1L), (open.Str("myRole"), open.Long("memberCount"), open.Long("lastSeq"), open.Long("readSeq"), open.Long("unreadCount")));
        Assert.Equal(("また会いましょう", Bob.Id), (open.GetProperty("lastMessage").Str("text"), open.GetProperty("lastMessage").Str("senderId")));
        var closed = Steps.Single(rooms, Rooms.Private);
        Assert.Equal(("owner", 2L, 3L, 2L, 1L), (closed.Str("myRole"), closed.Long("memberCount"), closed.Long("lastSeq"), closed.Long("readSeq"), closed.Long("unreadCount")));
        Assert.Equal("場所は新宿駅の近くで", closed.GetProperty("lastMessage").Str("text"));
        Assert.NotEqual(JsonValueKind.Null, closed.GetProperty("lastMessage").GetProperty("editedAt").ValueKind);
        var dm = Steps.Single(rooms, Rooms.Dm);
        Assert.Equal(("dm", 3L, 2L, 1L), (dm.Str("kind"), dm.Long("lastSeq"), dm.Long("readSeq"), dm.Long("unreadCount")));
        Assert.True(dm.GetProperty("lastMessage").GetProperty("deleted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, dm.GetProperty("lastMessage").GetProperty("text").ValueKind);
    }

    [Fact]
    public void Each_room_reads_the_same_after_a_restart()
    {
        foreach (var member in new[] { Alice, Bob })
        {
            foreach (var room in Rooms.All)
            {
                Assert.Equal(State.Before[member, $"room {room}"], State.After[member, $"room {room}"]);
            }
        }
    }

    [Fact]
    public void Room_members_and_their_roles_are_the_same_after_a_restart()
    {
        foreach (var room in Rooms.All)
        {
            Assert.Equal(State.Before[Alice, $"members {room}"], State.After[Alice, $"members {room}"]);
            Assert.Equal(State.Before[Bob, $"members {room}"], State.After[Bob, $"members {room}"]);
        }

        Assert.Contains($"{Alice.Id} alice 山田 花子 alumnus", State.After[Bob, $"members {Rooms.Private}"]);
        Assert.EndsWith("owner", State.After[Bob, $"members {Rooms.Private}"].Split('\n').Single(line => line.StartsWith(Alice.Id, StringComparison.Ordinal)));
        Assert.EndsWith("member", State.After[Alice, $"members {Rooms.Private}"].Split('\n').Single(line => line.StartsWith(Bob.Id, StringComparison.Ordinal)));
    }

    [Fact]
    public void History_is_identical_after_a_restart_edits_and_deletions_included()
    {
        foreach (var room in Rooms.All)
        {
            Assert.Equal(State.Before[Alice, $"history {room}"], State.After[Alice, $"history {room}"]);
        }

        var history = JsonDocument.Parse(State.After[Alice, $"history {Rooms.Public}"]).RootElement.EnumerateArray().ToArray();
        Assert.Equal([1L, 2L, 3L, 4L], history.Select(m => m.Long("seq")));
        Assert.Equal("元気です！ みんなは？", history[1].Str("text"));
        Assert.NotEqual(JsonValueKind.Null, history[1].GetProperty("editedAt").ValueKind);
        Assert.True(history[2].GetProperty("deleted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, history[2].GetProperty("text").ValueKind);
        Assert.Equal("pub-3", history[2].Str("clientMsgId"));
        Assert.False(history[3].GetProperty("deleted").GetBoolean());
    }

    [Fact]
    public async Task The_next_message_after_a_restart_gets_the_next_seq()
    {
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);

        // The DM's last message (3) is deleted: its seq is still taken.
        var inDm = await bobHub.SendTextAsync(Rooms.Dm, "再起動のあとで", "dm-after-restart");
        var inPrivate = await bobHub.SendTextAsync(Rooms.Private, "まだ見えますか？", "priv-after-restart");

        Assert.Equal(4, inDm.Long("seq"));
        Assert.Equal(4, inPrivate.Long("seq"));
        Assert.Equal([1L, 2L, 3L, 4L], (await Steps.HistoryAsync(Alice, Rooms.Dm)).Select(m => m.Long("seq")));
        Assert.Equal("再起動のあとで", (await Steps.HistoryAsync(Alice, Rooms.Dm))[3].Str("text"));
        Assert.True((await Steps.HistoryAsync(Alice, Rooms.Dm))[2].GetProperty("deleted").GetBoolean());
    }

    [Fact]
    public async Task Sending_a_client_message_id_from_before_the_restart_returns_the_original_message()
    {
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);

        var retried = await aliceHub.SendTextAsync(Rooms.Public, "皆さんお久しぶりです", "pub-1");

        Assert.Equal(State.FirstMessage.GetRawText(), retried.GetRawText());
        Assert.Equal(4, (await Steps.GetAsync(Alice, $"/api/rooms/{Rooms.Public}")).Long("lastSeq"));
        Assert.Equal(4, (await Steps.HistoryAsync(Alice, Rooms.Public)).Length);
    }
}
