using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>A room's notice: set and cleared by those who run the room, part of the room view, heard as <c>roomUpdated</c>.</summary>
[Collection(MembersNode.Name)]
public sealed class RoomNoticeTests(MembersNodeFixture fixture)
{
    private TestMember Alice => fixture.Alice;

    private TestMember Bob => fixture.Bob;

    [Fact]
    public async Task Setting_a_notice_shows_it_in_the_room_view_and_tells_the_members()
    {
        var room = (await Alice.CreateRoomAsync($"ランチ会 {Steps.Tag()}", kind: "meetup")).Str("id");
        await Bob.JoinRoomAsync(room);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        const string text = "次回は12月5日（金）12時、渋谷の「さくら亭」です。\n予約の都合で前日までに返信を。";

        var answered = await (await Alice.Http.PutAsJsonAsync($"/api/rooms/{room}/notice", new { text })).ReadJsonAsync();

        AssertNotice(answered.GetProperty("notice"), text, Alice.Id);
        var updated = await bobHub.WaitForEventAsync("roomUpdated", r => r.Str("id") == room && r.GetProperty("notice").ValueKind == JsonValueKind.Object);
        AssertNotice(updated.GetProperty("notice"), text, Alice.Id);
        Assert.Equal("member", updated.Str("myRole"));
        AssertNotice((await Bob.GetAsync($"/api/rooms/{room}")).GetProperty("notice"), text, Alice.Id);
        AssertNotice(Steps.Single(await Bob.MyRoomsAsync(), room).GetProperty("notice"), text, Alice.Id);
    }

    [Fact]
    public async Task Clearing_the_notice_takes_it_away_and_tells_the_members()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await (await Alice.Http.PutAsJsonAsync($"/api/rooms/{room}/notice", new { text = "ルール：宣伝は禁止" })).ReadJsonAsync();
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);

        var answered = await (await Alice.Http.DeleteAsync($"/api/rooms/{room}/notice")).ReadJsonAsync();

        Assert.Equal(JsonValueKind.Null, answered.GetProperty("notice").ValueKind);
        await bobHub.WaitForEventAsync("roomUpdated", r => r.Str("id") == room && r.GetProperty("notice").ValueKind == JsonValueKind.Null);
        Assert.Equal(JsonValueKind.Null, (await Bob.GetAsync($"/api/rooms/{room}")).GetProperty("notice").ValueKind);
    }

    [Fact]
    public async Task The_secretariat_sets_a_notice_in_a_room_it_is_not_in()
    {
        var room = await Steps.RoomWithAsync(Alice);

        var answered = await (await fixture.Secretariat.Http.PutAsJsonAsync($"/api/rooms/{room}/notice", new { text = "事務局からのお知らせ" })).ReadJsonAsync();

        AssertNotice(answered.GetProperty("notice"), "事務局からのお知らせ", fixture.Secretariat.Id);
        AssertNotice((await Alice.GetAsync($"/api/rooms/{room}")).GetProperty("notice"), "事務局からのお知らせ", fixture.Secretariat.Id);
    }

    [Fact]
    public async Task A_plain_member_may_not_set_or_clear_the_notice()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await (await Alice.Http.PutAsJsonAsync($"/api/rooms/{room}/notice", new { text = "オーナーのお知らせ" })).ReadJsonAsync();

        await (await Bob.Http.PutAsJsonAsync($"/api/rooms/{room}/notice", new { text = "乗っ取り" })).AssertForbiddenAsync();
        await (await Bob.Http.DeleteAsync($"/api/rooms/{room}/notice")).AssertForbiddenAsync();

        Assert.Equal("オーナーのお知らせ", (await Bob.GetAsync($"/api/rooms/{room}")).GetProperty("notice").Str("text"));
    }

    [Fact]
    public async Task A_notice_follows_the_text_rules_and_a_refused_one_changes_nothing()
    {
        var room = await Steps.RoomWithAsync(Alice);

        await (await Alice.Http.PutAsJsonAsync($"/api/rooms/{room}/notice", new { text = "   " })).AssertInvalidAsync("text");
        await (await Alice.Http.PutAsJsonAsync($"/api/rooms/{room}/notice", new { text = (string?)null })).AssertInvalidAsync("text");
        await (await Alice.Http.PutAsJsonAsync($"/api/rooms/{room}/notice", new { text = new string('あ', 501) })).AssertInvalidAsync("text");
        await (await Alice.Http.PutAsJsonAsync($"/api/rooms/{room}/notice", new { text = "bad\u0007bell" })).AssertInvalidAsync("text");
        Assert.Equal(JsonValueKind.Null, (await Alice.GetAsync($"/api/rooms/{room}")).GetProperty("notice").ValueKind);

        // Decomposed kana is kept composed (NFC), and 500 characters fit.
        var kept = await (await Alice.Http.PutAsJsonAsync($"/api/rooms/{room}/notice", new { text = "\u30AB\u3099" + new string('あ', 499) })).ReadJsonAsync();
        Assert.Equal("\u30AC" + new string('あ', 499), kept.GetProperty("notice").Str("text"));
    }

    [Fact]
    public async Task A_DM_has_no_notice()
    {
        var ann = await fixture.NewMemberAsync();
        var dm = (await ann.OpenDmAsync(Alice.Id)).Str("id");

        await (await ann.Http.PutAsJsonAsync($"/api/rooms/{dm}/notice", new { text = "二人だけの話" })).AssertForbiddenAsync();
    }

    private static void AssertNotice(JsonElement notice, string text, string setBy)
    {
        Assert.Equal((text, setBy), (notice.Str("text"), notice.Str("setBy")));
        Assert.True(notice.GetProperty("setAt").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
    }
}
