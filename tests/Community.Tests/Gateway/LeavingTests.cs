using System.Net;
using System.Net.Http.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// A member taking their data with them (<c>GET /api/me/export</c>) and leaving (<c>DELETE /api/me</c>, or the
/// secretariat's <c>DELETE /api/admin/members/{id}</c>): sign-in closed, tokens refused, profile erased, messages kept.
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
    public async Task Messages_other_than_keep_are_refused_as_invalid()
    {
        var member = await fixture.NewMemberAsync();

        var response = await DeleteAsync(member.Http, "/api/me", new { password = "a-long-password", messages = "shred" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
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
