using System.Net;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>Pins: who may pin, the <c>pinned</c>/<c>unpinned</c> events, the list, the cap, and deleted messages leaving the pins.</summary>
[Collection(MembersNode.Name)]
public sealed class PinTests(MembersNodeFixture fixture)
{
    private TestMember Alice => fixture.Alice;

    private TestMember Bob => fixture.Bob;

    [Fact]
    public async Task Pinning_tells_the_room_and_lists_the_message_with_who_pinned_it_and_when_newest_first()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var first = (await bobHub.SendTextAsync(room, "会費は3000円です")).Long("seq");
        var second = (await bobHub.SendTextAsync(room, "集合は渋谷駅ハチ公前")).Long("seq");

        var pin = await PinAsync(Alice, room, first);
        await PinAsync(Alice, room, second);

        var heard = await bobHub.WaitForEventAsync("pinned", e => e.Str("roomId") == room && e.Long("seq") == first);
        Assert.Equal((Alice.Id, pin.GetProperty("pinnedAt").GetDateTimeOffset()), (heard.Str("pinnedBy"), heard.GetProperty("pinnedAt").GetDateTimeOffset()));
        var pins = await PinsAsync(Bob, room);
        Assert.Equal([second, first], pins.Select(p => p.GetProperty("message").Long("seq")).ToArray());
        Assert.Equal("会費は3000円です", pins[1].GetProperty("message").Str("text"));
        Assert.Equal(Alice.Id, pins[1].Str("pinnedBy"));
    }

    [Fact]
    public async Task Unpinning_tells_the_room_and_takes_the_message_off_the_list()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var seq = (await bobHub.SendTextAsync(room, "持ち物：名刺")).Long("seq");
        await PinAsync(Alice, room, seq);

        await (await Alice.Http.DeleteAsync($"/api/rooms/{room}/pins/{seq}")).ReadJsonAsync(HttpStatusCode.NoContent);

        var heard = await bobHub.WaitForEventAsync("unpinned", e => e.Str("roomId") == room);
        Assert.Equal(seq, heard.Long("seq"));
        Assert.Empty(await PinsAsync(Bob, room));
        await (await Alice.Http.DeleteAsync($"/api/rooms/{room}/pins/{seq}")).ReadJsonAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Pinning_twice_is_a_no_op()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var seq = (await bobHub.SendTextAsync(room, "大事なお知らせ")).Long("seq");
        var first = await PinAsync(Alice, room, seq);

        var again = await PinAsync(fixture.Secretariat, room, seq);

        Assert.Equal(first.GetRawText(), again.GetRawText());
        var fence = (await bobHub.SendTextAsync(room, "fence")).Long("seq");
        await PinAsync(Alice, room, fence);
        await bobHub.WaitForEventAsync("pinned", e => e.Str("roomId") == room && e.Long("seq") == fence);
        Assert.Single(Steps.EventsOf(bobHub, "pinned", e => e.Str("roomId") == room && e.Long("seq") == seq));
        Assert.Equal(2, (await PinsAsync(Bob, room)).Length);
    }

    [Fact]
    public async Task A_plain_member_may_not_pin_or_unpin()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var seq = (await bobHub.SendTextAsync(room, "ピン留めしたい")).Long("seq");

        await (await Bob.Http.PostJsonAsync($"/api/rooms/{room}/pins", new { seq })).AssertForbiddenAsync();
        await PinAsync(Alice, room, seq);
        await (await Bob.Http.DeleteAsync($"/api/rooms/{room}/pins/{seq}")).AssertForbiddenAsync();

        Assert.Single(await PinsAsync(Bob, room));
    }

    [Fact]
    public async Task The_secretariat_pins_in_a_room_it_is_not_in_and_outsiders_do_not_see_a_private_rooms_pins()
    {
        var room = await Steps.PrivateRoomWithAsync(Alice, Bob);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var seq = (await bobHub.SendTextAsync(room, "事務局に確認します")).Long("seq");

        var pin = await PinAsync(fixture.Secretariat, room, seq);

        Assert.Equal(fixture.Secretariat.Id, pin.Str("pinnedBy"));
        await bobHub.WaitForEventAsync("pinned", e => e.Str("roomId") == room && e.Str("pinnedBy") == fixture.Secretariat.Id);
        await (await fixture.Carol.Http.GetAsync($"/api/rooms/{room}/pins")).AssertForbiddenAsync();
    }

    [Fact]
    public async Task A_room_keeps_fifty_pins_and_refuses_the_fifty_first_with_conflict()
    {
        var room = await Steps.RoomWithAsync(Alice);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        var seqs = new List<long>();
        for (var i = 0; i < 51; i++) seqs.Add((await aliceHub.SendTextAsync(room, $"お知らせ {i}")).Long("seq"));
        foreach (var seq in seqs.Take(50)) await PinAsync(Alice, room, seq);

        var detail = await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/pins", new { seq = seqs[50] })).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");

        Assert.Contains("50", detail, StringComparison.Ordinal);
        Assert.Equal(50, (await PinsAsync(Alice, room)).Length);
        await (await Alice.Http.DeleteAsync($"/api/rooms/{room}/pins/{seqs[0]}")).ReadJsonAsync(HttpStatusCode.NoContent);
        await PinAsync(Alice, room, seqs[50]);
    }

    [Fact]
    public async Task Pinning_a_missing_or_deleted_message_is_not_found()
    {
        var room = await Steps.RoomWithAsync(Alice);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        var seq = (await aliceHub.SendTextAsync(room, "消します")).Long("seq");
        await aliceHub.InvokeVoidAsync("DeleteMessage", room, seq);

        await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/pins", new { seq })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/pins", new { seq = seq + 1 })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/pins", new { })).AssertInvalidAsync("seq");
        Assert.Empty(await PinsAsync(Alice, room));
    }

    [Fact]
    public async Task Deleting_a_pinned_message_unpins_it_and_tells_the_room()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var seq = (await bobHub.SendTextAsync(room, "後で消すメッセージ")).Long("seq");
        await PinAsync(Alice, room, seq);

        await bobHub.InvokeVoidAsync("DeleteMessage", room, seq);

        await bobHub.WaitForEventAsync("messageDeleted", e => e.Str("roomId") == room);
        var unpinned = await bobHub.WaitForEventAsync("unpinned", e => e.Str("roomId") == room);
        Assert.Equal(seq, unpinned.Long("seq"));
        Assert.Empty(await PinsAsync(Alice, room));
    }

    [Fact]
    public async Task Both_members_of_a_DM_may_pin()
    {
        var ann = await fixture.NewMemberAsync();
        var dm = (await ann.OpenDmAsync(Bob.Id)).Str("id");
        await using var annHub = await fixture.Node.ConnectAsync(ann);
        var seq = (await annHub.SendTextAsync(dm, "住所はこちらです")).Long("seq");

        await PinAsync(Bob, dm, seq);
        await (await ann.Http.DeleteAsync($"/api/rooms/{dm}/pins/{seq}")).ReadJsonAsync(HttpStatusCode.NoContent);

        await annHub.WaitForEventAsync("unpinned", e => e.Str("roomId") == dm);
        await (await fixture.Secretariat.Http.PostJsonAsync($"/api/rooms/{dm}/pins", new { seq })).AssertForbiddenAsync();
    }

    private static async Task<JsonElement> PinAsync(TestMember by, string roomId, long seq) =>
        await (await by.Http.PostJsonAsync($"/api/rooms/{roomId}/pins", new { seq })).ReadJsonAsync();

    private static async Task<JsonElement[]> PinsAsync(TestMember reader, string roomId) =>
        (await reader.GetAsync($"/api/rooms/{roomId}/pins")).Items();
}
