using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// A member taking their data with them (<c>GET /api/me/export</c>) and leaving (<c>DELETE /api/me</c>, or the
/// secretariat's <c>DELETE /api/admin/members/{id}</c>): sign-in closed, tokens refused, profile erased, messages kept or
/// erased, rooms left (a DM kept).
/// </summary>
[Collection(MembersNode.Name)]
public sealed class LeavingTests(MembersNodeFixture fixture)
{
    [Fact]
    public async Task The_export_holds_the_member_s_profile_rooms_messages_with_room_and_seq_and_reactions()
    {
        var member = await fixture.NewMemberAsync();
        var other = await fixture.NewMemberAsync();
        var room = await member.RoomWithAsync(other);
        await using var memberHub = await fixture.Node.ConnectAsync(member);
        await using var otherHub = await fixture.Node.ConnectAsync(other);
        var first = (await memberHub.SendTextAsync(room, "ランチどこにしますか")).Long("seq");
        var theirs = (await otherHub.SendTextAsync(room, "駅前のそば屋で")).Long("seq");
        var second = (await memberHub.SendTextAsync(room, "いいですね")).Long("seq");
        await memberHub.InvokeVoidAsync("AddReaction", room, theirs, "👍");
        await memberHub.WaitForEventAsync("reaction", r => r.Str("roomId") == room);

        var response = await member.Http.GetAsync("/api/me/export");

        var export = await response.ReadJsonAsync();
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(member.Id, export.GetProperty("profile").Str("id"));
        Assert.Contains(room, export.GetProperty("rooms").EnumerateArray().Select(r => r.Str("id")));
        var messages = export.GetProperty("messages").EnumerateArray().ToArray();
        Assert.Equal([(room, first, "ランチどこにしますか"), (room, second, "いいですね")],
            messages.Select(m => (m.Str("roomId"), m.Long("seq"), m.Str("text"))));
        var reaction = Assert.Single(export.GetProperty("reactions").EnumerateArray());
        Assert.Equal((room, theirs, "👍"), (reaction.Str("roomId"), reaction.Long("seq"), reaction.Str("key")));
    }

    [Fact]
    public async Task The_export_needs_a_token()
    {
        var response = await fixture.Node.Anonymous.GetAsync("/api/me/export");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_deleted_account_cannot_sign_in_and_its_tokens_no_longer_work_over_rest_or_the_hub()
    {
        var member = await fixture.Network.JoinAsync(password: Password);
        await using var hub = await fixture.Node.ConnectAsync(member);

        var response = await DeleteAsync(member.Http, "/api/me", new { password = Password, messages = "keep" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await hub.WaitForCloseAsync();
        await (await member.Http.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.Unauthorized, (await member.Http.PostAsync("/hubs/chat/negotiate?negotiateVersion=1", null)).StatusCode);
        var login = await fixture.Node.Anonymous.PostJsonAsync("/api/auth/login", new { handle = member.Handle, password = Password });
        await login.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task The_dm_partner_of_a_deleted_account_still_reads_the_thread_with_dense_seqs_from_a_former_member()
    {
        var leaving = await fixture.Network.JoinAsync(password: Password);
        var partner = await fixture.NewMemberAsync();
        var dm = (await (await partner.Http.PostJsonAsync("/api/dms", new { memberId = leaving.Id })).ReadJsonAsync()).Str("id");
        await using var leavingHub = await fixture.Node.ConnectAsync(leaving);
        await using var partnerHub = await fixture.Node.ConnectAsync(partner);
        await partnerHub.SendTextAsync(dm, "お元気ですか");
        await leavingHub.SendTextAsync(dm, "元気です、ありがとう");
        await partnerHub.SendTextAsync(dm, "また今度");

        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(leaving.Http, "/api/me", new { password = Password })).StatusCode);

        var history = await partner.HistoryAsync(dm);
        Assert.Equal([1L, 2L, 3L], history.Select(m => m.Long("seq")));
        Assert.Equal("元気です、ありがとう", history[1].Str("text"));
        Assert.Equal(leaving.Id, history[1].Str("senderId"));
        var former = await partner.GetAsync($"/api/members/{leaving.Id}");
        Assert.True(former.GetProperty("former").GetBoolean());
        Assert.Equal("", former.Str("displayName"));
        Assert.Equal(leaving.Handle, former.Str("handle"));
        Assert.DoesNotContain(leaving.Id, (await partner.GetAsync($"/api/members?q={leaving.Handle}")).Items().Select(m => m.Str("id")));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_account_stays()
    {
        var member = await fixture.Network.JoinAsync(password: Password);

        var response = await DeleteAsync(member.Http, "/api/me", new { password = "not-the-password" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.False((await member.GetAsync("/api/me")).GetProperty("former").GetBoolean());
    }

    [Fact]
    public async Task Messages_other_than_keep_or_erase_are_refused_as_invalid()
    {
        var member = await fixture.Network.JoinAsync(password: Password);

        var response = await DeleteAsync(member.Http, "/api/me", new { password = Password, messages = "shred" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        Assert.False((await member.GetAsync("/api/me")).GetProperty("former").GetBoolean());
    }

    [Fact]
    public async Task Erasing_turns_each_of_the_member_s_messages_into_a_tombstone_with_dense_seqs_even_in_a_room_left_before()
    {
        var leaving = await fixture.Network.JoinAsync(password: Password);
        var owner = await fixture.NewMemberAsync();
        var room = await owner.RoomWithAsync(leaving);
        var leftBefore = await owner.RoomWithAsync(leaving);
        await using var leavingHub = await fixture.Node.ConnectAsync(leaving);
        await using var ownerHub = await fixture.Node.ConnectAsync(owner);
        await leavingHub.SendTextAsync(room, "退会前の書き込み");
        var answer = (await ownerHub.SendTextAsync(room, "返信です")).Long("seq");
        await leavingHub.SendTextAsync(room, "もう一つ");
        await leavingHub.SendTextAsync(leftBefore, "前に抜けた部屋で");
        Assert.Equal(HttpStatusCode.NoContent, (await leaving.Http.PostAsync($"/api/rooms/{leftBefore}/leave", null)).StatusCode);

        var response = await DeleteAsync(leaving.Http, "/api/me", new { password = Password, messages = "erase" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var history = await owner.HistoryAsync(room);
        Assert.Equal([1L, 2L, 3L], history.Select(m => m.Long("seq")));
        Assert.Equal([(true, JsonValueKind.Null), (false, JsonValueKind.String), (true, JsonValueKind.Null)],
            history.Select(m => (m.GetProperty("deleted").GetBoolean(), m.GetProperty("text").ValueKind)));
        Assert.Equal("返信です", history[(int)answer - 1].Str("text"));
        var earlier = Assert.Single(await owner.HistoryAsync(leftBefore));
        Assert.True(earlier.GetProperty("deleted").GetBoolean());
        await ownerHub.WaitForEventAsync("messageDeleted", e => e.Str("roomId") == room && e.Long("seq") == 3);
        var found = await owner.GetAsync($"/api/search/messages?q={Uri.EscapeDataString("退会前")}");
        Assert.Empty(found.Items());
    }

    [Fact]
    public async Task A_deleted_account_leaves_its_rooms_while_its_dm_keeps_both_sides()
    {
        var leaving = await fixture.Network.JoinAsync(password: Password);
        var owner = await fixture.NewMemberAsync();
        var room = await owner.RoomWithAsync(leaving);
        var dm = (await owner.OpenDmAsync(leaving.Id)).Str("id");
        await using var ownerHub = await fixture.Node.ConnectAsync(owner);

        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(leaving.Http, "/api/me", new { password = Password })).StatusCode);

        Assert.DoesNotContain(leaving.Id, (await owner.MembersOfAsync(room)).Select(m => m.GetProperty("member").Str("id")));
        Assert.Equal(1, (await owner.ListedRoomAsync(room)).GetProperty("memberCount").GetInt32());
        Assert.Contains(leaving.Id, (await owner.MembersOfAsync(dm)).Select(m => m.GetProperty("member").Str("id")));
        await owner.ListedRoomAsync(dm);
    }

    [Fact]
    public async Task The_secretariat_erases_a_member_s_messages_with_messages_erase()
    {
        var member = await fixture.Network.JoinAsync(password: Password);
        var owner = await fixture.NewMemberAsync();
        var room = await owner.RoomWithAsync(member);
        await using var hub = await fixture.Node.ConnectAsync(member);
        await hub.SendTextAsync(room, "消してほしい投稿");

        var response = await fixture.Secretariat.Http.DeleteAsync($"/api/admin/members/{member.Id}?messages=erase");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(Assert.Single(await owner.HistoryAsync(room)).GetProperty("deleted").GetBoolean());
        var audit = await fixture.Secretariat.GetAsync("/api/admin/audit?action=member.deleted");
        Assert.Contains(audit.Items(), e => e.ToString().Contains(member.Id, StringComparison.Ordinal) && e.ToString().Contains("erase", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_secretariat_s_choice_other_than_keep_or_erase_is_refused_as_invalid()
    {
        var member = await fixture.NewMemberAsync();

        var response = await fixture.Secretariat.Http.DeleteAsync($"/api/admin/members/{member.Id}?messages=shred");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        Assert.False((await member.GetAsync("/api/me")).GetProperty("former").GetBoolean());
    }

    [Fact]
    public async Task The_secretariat_deletes_a_member_and_the_audit_log_says_so()
    {
        var member = await fixture.Network.JoinAsync(password: Password);

        var response = await fixture.Secretariat.Http.DeleteAsync($"/api/admin/members/{member.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await member.Http.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var login = await fixture.Node.Anonymous.PostJsonAsync("/api/auth/login", new { handle = member.Handle, password = Password });
        await login.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var audit = await fixture.Secretariat.GetAsync("/api/admin/audit?action=member.deleted");
        Assert.Contains(audit.Items(), e => e.ToString().Contains(member.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_secretariat_deletes_another_member()
    {
        var member = await fixture.NewMemberAsync();
        var other = await fixture.NewMemberAsync();

        var response = await other.Http.DeleteAsync($"/api/admin/members/{member.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False((await member.GetAsync("/api/me")).GetProperty("former").GetBoolean());
    }

    private const string Password = "a-long-password";

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, string path, object body) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, path) { Content = JsonContent.Create(body) });
}
