using System.Net;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>Mutes, suspensions, reports and who may delete someone else's message.</summary>
[Collection(MembersNode.Name)]
public sealed class ModerationTests(MembersNodeFixture fixture)
{
    private const string Password = "a-long-password";

    private TestMember Alice => fixture.Alice;

    private TestMember Bob => fixture.Bob;

    private TestMember Carol => fixture.Carol;

    private TestMember Secretariat => fixture.Secretariat;

    // Mutes

    [Fact]
    public async Task A_muted_member_cannot_post_while_the_others_still_can()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob, Carol);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        await using var carolHub = await fixture.Node.ConnectAsync(Carol);

        var mute = await Alice.Http.PostJsonAsync($"/api/rooms/{room}/mutes", new { memberId = Bob.Id, minutes = 30 });

        Assert.Equal(HttpStatusCode.NoContent, mute.StatusCode);
        var error = await Steps.AssertHubErrorAsync("forbidden", () => bobHub.SendTextAsync(room, "なぜですか"));
        Assert.Contains("muted", error);
        await aliceHub.SendTextAsync(room, "少し落ち着きましょう");
        await carolHub.SendTextAsync(room, "はい");
        var history = await Steps.HistoryAsync(Alice, room);
        Assert.Equal([Alice.Id, Carol.Id], history.Select(m => m.Str("senderId")).ToArray());
    }

    [Fact]
    public async Task A_muted_member_can_neither_edit_nor_react_and_the_room_hears_nothing_of_it()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob, Carol);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var bobs = (await bobHub.SendTextAsync(room, "最初の投稿")).Long("seq");
        var alices = (await aliceHub.SendTextAsync(room, "ようこそ")).Long("seq");
        await bobHub.InvokeVoidAsync("AddReaction", room, alices, "👍");
        await aliceHub.WaitForEventAsync("reaction", r => r.Str("roomId") == room);
        Assert.Equal(HttpStatusCode.NoContent, (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/mutes", new { memberId = Bob.Id, minutes = 30 })).StatusCode);

        var edit = await Steps.AssertHubErrorAsync("forbidden", () => bobHub.InvokeAsync("EditMessage", room, bobs, "書き換えた投稿"));
        var react = await Steps.AssertHubErrorAsync("forbidden", () => bobHub.InvokeAsync("AddReaction", room, alices, "🎉"));
        await bobHub.InvokeVoidAsync("Typing", room);
        // Taking a reaction back only undoes: it stays allowed, and is the fence the room hears next.
        await bobHub.InvokeVoidAsync("RemoveReaction", room, alices, "👍");
        await aliceHub.WaitForEventAsync("reaction", r => r.Str("roomId") == room && !r.GetProperty("added").GetBoolean());

        Assert.All([edit, react], error => Assert.Contains("muted", error));
        Assert.Empty(Steps.EventsOf(aliceHub, "messageEdited", room));
        Assert.Empty(Steps.EventsOf(aliceHub, "typing", room));
        Assert.Equal([true, false], Steps.EventsOf(aliceHub, "reaction", room).Select(r => r.GetProperty("added").GetBoolean()).ToArray());
        var history = await Steps.HistoryAsync(Carol, room);
        Assert.Equal(("最初の投稿", (string?)null), (history[0].Str("text"), history[0].GetProperty("editedAt").GetString()));
        Assert.Empty(history[1].GetProperty("reactions").EnumerateArray());
    }

    [Fact]
    public async Task A_plain_member_cannot_mute()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob, Carol);
        await using var carolHub = await fixture.Node.ConnectAsync(Carol);

        var response = await Bob.Http.PostJsonAsync($"/api/rooms/{room}/mutes", new { memberId = Carol.Id, minutes = 30 });

        await response.AssertForbiddenAsync();
        await carolHub.SendTextAsync(room, "まだ話せます");
    }

    [Fact]
    public async Task A_mute_of_zero_minutes_is_invalid()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);

        var response = await Alice.Http.PostJsonAsync($"/api/rooms/{room}/mutes", new { memberId = Bob.Id, minutes = 0 });

        await response.AssertInvalidAsync("minutes");
    }

    // Suspension

    [Fact]
    public async Task Suspending_a_member_closes_their_connections_revokes_their_tokens_and_refuses_sign_in()
    {
        var member = await fixture.Network.JoinAsync(password: Password);
        await using var hub = await fixture.Node.ConnectAsync(member);

        var response = await Secretariat.Http.PostAsync($"/api/admin/members/{member.Id}/suspend", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await hub.WaitForCloseAsync();
        await (await member.Http.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var login = await fixture.Node.Anonymous.PostJsonAsync("/api/auth/login", new { handle = member.Handle, password = Password });
        await login.AssertForbiddenAsync();
    }

    [Fact]
    public async Task An_unsuspended_member_can_sign_in_again()
    {
        var member = await fixture.Network.JoinAsync(password: Password);
        Assert.Equal(HttpStatusCode.NoContent, (await Secretariat.Http.PostAsync($"/api/admin/members/{member.Id}/suspend", null)).StatusCode);

        var response = await Secretariat.Http.PostAsync($"/api/admin/members/{member.Id}/unsuspend", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var again = await fixture.Network.LoginAsync(member.Handle, Password);
        Assert.Equal(member.Id, (await Steps.GetAsync(again, "/api/me")).Str("id"));
        await using var hub = await fixture.Node.ConnectAsync(again);
        Assert.False(hub.IsClosed, hub.CloseReason);
    }

    [Fact]
    public async Task Only_the_secretariat_suspends()
    {
        var response = await Alice.Http.PostAsync($"/api/admin/members/{Bob.Id}/suspend", null);

        await response.AssertForbiddenAsync();
        Assert.Equal(Bob.Id, (await Steps.GetAsync(Bob, "/api/me")).Str("id"));
    }

    // Reports

    [Fact]
    public async Task A_member_of_the_room_reports_a_message()
    {
        var (room, seq) = await RoomWithMessageAsync("不適切な発言");

        var response = await Bob.Http.PostJsonAsync("/api/reports", new { roomId = room, seq, reason = "攻撃的な内容です" });

        var report = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal((room, seq, "攻撃的な内容です"), (report.Str("roomId"), report.Long("seq"), report.Str("reason")));
    }

    [Fact]
    public async Task A_member_outside_the_room_cannot_report_its_messages()
    {
        var (room, seq) = await RoomWithMessageAsync("部外者には見えない");

        var response = await Carol.Http.PostJsonAsync("/api/reports", new { roomId = room, seq, reason = "気になります" });

        await response.AssertForbiddenAsync();
    }

    [Fact]
    public async Task Reporting_an_unknown_message_is_not_found()
    {
        var (room, _) = await RoomWithMessageAsync("ひとつだけ");

        var response = await Bob.Http.PostJsonAsync("/api/reports", new { roomId = room, seq = 99, reason = "存在しない" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_report_needs_a_reason(string? reason)
    {
        var (room, seq) = await RoomWithMessageAsync("理由なし");

        var response = await Bob.Http.PostJsonAsync("/api/reports", new { roomId = room, seq, reason });

        await response.AssertInvalidAsync("reason");
    }

    [Fact]
    public async Task The_secretariat_lists_reports_with_their_message()
    {
        var (room, seq) = await RoomWithMessageAsync("通報される発言");
        var reason = $"スパムです {Steps.Tag()}";
        await (await Bob.Http.PostJsonAsync("/api/reports", new { roomId = room, seq, reason })).ReadJsonAsync(HttpStatusCode.Created);

        var reports = (await Steps.GetAsync(Secretariat, "/api/admin/reports")).Items();

        var report = Assert.Single(reports, r => r.Str("reason") == reason);
        Assert.Equal((room, seq), (report.Str("roomId"), report.Long("seq")));
        var message = report.GetProperty("message");
        Assert.Equal(("通報される発言", Alice.Id, seq), (message.Str("text"), message.Str("senderId"), message.Long("seq")));
    }

    [Fact]
    public async Task Only_the_secretariat_lists_reports()
    {
        var response = await Alice.Http.GetAsync("/api/admin/reports");

        await response.AssertForbiddenAsync();
    }

    // Deleting someone else's message

    [Fact]
    public async Task A_room_owner_deletes_another_member_message()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        var seq = (await bobHub.SendTextAsync(room, "消される発言")).Long("seq");

        await aliceHub.InvokeVoidAsync("DeleteMessage", room, seq);

        var deleted = await bobHub.WaitForEventAsync("messageDeleted", d => d.Str("roomId") == room);
        Assert.Equal(seq, deleted.Long("seq"));
        Assert.True((await Steps.MessageAsync(Bob, room, seq)).GetProperty("deleted").GetBoolean());
    }

    [Fact]
    public async Task The_secretariat_deletes_a_message_in_a_room_it_does_not_belong_to()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        await using var secretariatHub = await fixture.Node.ConnectAsync(Secretariat);
        var seq = (await bobHub.SendTextAsync(room, "規約違反の発言")).Long("seq");

        await secretariatHub.InvokeVoidAsync("DeleteMessage", room, seq);

        var deleted = await bobHub.WaitForEventAsync("messageDeleted", d => d.Str("roomId") == room);
        Assert.Equal(seq, deleted.Long("seq"));
        Assert.True((await Steps.MessageAsync(Alice, room, seq)).GetProperty("deleted").GetBoolean());
    }

    [Fact]
    public async Task A_plain_member_cannot_delete_another_member_message()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob, Carol);
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        await using var carolHub = await fixture.Node.ConnectAsync(Carol);
        var seq = (await bobHub.SendTextAsync(room, "消させません")).Long("seq");

        await Steps.AssertHubErrorAsync("forbidden", () => carolHub.InvokeAsync("DeleteMessage", room, seq));

        var message = await Steps.MessageAsync(Alice, room, seq);
        Assert.Equal((false, "消させません"), (message.GetProperty("deleted").GetBoolean(), message.Str("text")));
    }

    /// <summary>A room of Alice's that Bob has joined (Carol has not), with one message of Alice's in it.</summary>
    private async Task<(string Room, long Seq)> RoomWithMessageAsync(string text)
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        return (room, (await aliceHub.SendTextAsync(room, text)).Long("seq"));
    }

    // Resolving reports

    [Fact]
    public async Task The_secretariat_resolves_a_report_once_and_the_list_shows_how()
    {
        var (room, seq) = await RoomWithMessageAsync("対応される発言");
        var reason = $"不適切です {Steps.Tag()}";
        var report = await (await Bob.Http.PostJsonAsync("/api/reports", new { roomId = room, seq, reason })).ReadJsonAsync(HttpStatusCode.Created);

        var resolved = await (await Secretariat.Http.PostJsonAsync($"/api/admin/reports/{report.Str("id")}/resolve", new { outcome = "actioned", note = "削除しました" }))
            .ReadJsonAsync();
        var again = await Secretariat.Http.PostJsonAsync($"/api/admin/reports/{report.Str("id")}/resolve", new { outcome = "dismissed" });

        var resolution = resolved.GetProperty("resolution");
        Assert.Equal(("actioned", "削除しました", Secretariat.Id), (resolution.Str("outcome"), resolution.Str("note"), resolution.Str("resolvedBy")));
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var listed = Assert.Single((await Steps.GetAsync(Secretariat, "/api/admin/reports")).Items(), r => r.Str("reason") == reason);
        Assert.Equal("actioned", listed.GetProperty("resolution").Str("outcome"));
    }

    [Fact]
    public async Task Resolving_needs_a_known_outcome_and_a_known_report_and_the_secretariat()
    {
        var (room, seq) = await RoomWithMessageAsync("まだ未対応の発言");
        var report = await (await Bob.Http.PostJsonAsync("/api/reports", new { roomId = room, seq, reason = "確認してください" })).ReadJsonAsync(HttpStatusCode.Created);

        await (await Secretariat.Http.PostJsonAsync($"/api/admin/reports/{report.Str("id")}/resolve", new { outcome = "ignored" })).AssertInvalidAsync("outcome");
        await (await Secretariat.Http.PostJsonAsync("/api/admin/reports/rp_nosuchreport/resolve", new { outcome = "dismissed" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await Alice.Http.PostJsonAsync($"/api/admin/reports/{report.Str("id")}/resolve", new { outcome = "dismissed" })).AssertForbiddenAsync();
        var listed = Assert.Single((await Steps.GetAsync(Secretariat, "/api/admin/reports")).Items(), r => r.Str("id") == report.Str("id"));
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("resolution").ValueKind);
    }
}
