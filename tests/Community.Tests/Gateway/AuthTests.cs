using System.Net;
using System.Text.Json;
using Community.Grains.Storage;
using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Community.Tests.Gateway;

[Collection(SharedNode.Name)]
public sealed class AuthTests(SharedNodeFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private CommunityNode Node => fixture.Node;

    private Network Network => fixture.Network;

    // Sign-up

    [Fact]
    public async Task Register_with_a_valid_invitation_creates_a_member_with_the_invitation_role()
    {
        var code = (await Network.InviteAsync(role: "supporter"))[0];

        var response = await Network.PostRegisterAsync(code, "supporter.sato", "佐藤 花子", "a-long-password");

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        var member = body.GetProperty("member");
        Assert.False(string.IsNullOrEmpty(body.Str("token")));
        Assert.False(string.IsNullOrEmpty(member.Str("id")));
        Assert.Equal("supporter.sato", member.Str("handle"));
        Assert.Equal("佐藤 花子", member.Str("displayName"));
        Assert.Equal("supporter", member.Str("role"));
        using var http = Node.ClientFor(body.Str("token"));
        var me = await (await http.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal(member.Str("id"), me.Str("id"));
        Assert.Equal("supporter", me.Str("role"));
        Assert.Equal(member.Str("id"), (await Network.InvitationAsync(code)).Str("usedBy"));
    }

    [Fact]
    public async Task Register_with_a_used_invitation_is_a_conflict_and_creates_no_member()
    {
        var code = (await Network.InviteAsync())[0];
        var first = await (await Network.PostRegisterAsync(code, "used.first")).ReadJsonAsync(HttpStatusCode.Created);

        var second = await Network.PostRegisterAsync(code, "used.second");

        await second.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var secretariat = await Network.SecretariatAsync();
        Assert.Empty(await secretariat.MembersWithHandleAsync("used.second"));
        Assert.Equal(first.GetProperty("member").Str("id"), (await Network.InvitationAsync(code)).Str("usedBy"));
    }

    [Fact]
    public async Task Register_with_an_expired_invitation_is_a_conflict_and_creates_no_member()
    {
        var secretariat = await Network.SecretariatAsync();
        var code = "EXPD-" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant() + "-0001";
        var now = DateTimeOffset.UtcNow;
        await Node.GetRequiredService<IInvitationStore>()
            .AddAsync([new Invitation(code, "alumnus", now.AddMinutes(-1), null, "expired a minute ago", secretariat.Id, now.AddDays(-30))])
            .WaitAsync(Timeout);

        var response = await Network.PostRegisterAsync(code, "too.late");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Empty(await secretariat.MembersWithHandleAsync("too.late"));
        Assert.Equal(JsonValueKind.Null, (await Network.InvitationAsync(code)).GetProperty("usedBy").ValueKind);
    }

    [Fact]
    public async Task Register_with_a_made_up_code_is_invalid_naming_the_invite_code()
    {
        var response = await Network.PostRegisterAsync("ZZZZ-ZZZZ-ZZZZ", "made.up");

        await response.AssertInvalidAsync("inviteCode");
        var secretariat = await Network.SecretariatAsync();
        Assert.Empty(await secretariat.MembersWithHandleAsync("made.up"));
    }

    [Fact]
    public async Task Register_with_a_taken_handle_is_a_conflict_and_leaves_the_invitation_unused()
    {
        await Network.JoinAsync("taken.handle");
        var code = (await Network.InviteAsync())[0];

        var response = await Network.PostRegisterAsync(code, "taken.handle");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(JsonValueKind.Null, (await Network.InvitationAsync(code)).GetProperty("usedBy").ValueKind);
        // The failed sign-up changed nothing: the same code still signs someone up.
        await (await Network.PostRegisterAsync(code, "not.taken")).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("hana ko")]
    [InlineData("hanako\n")]
    [InlineData("hana\0ko")]
    [InlineData("hanak\u043E")]
    [InlineData("hana@ko")]
    [InlineData("hana/ko")]
    [InlineData("山田太郎")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public async Task Register_refuses_a_handle_outside_the_rules_naming_the_handle(string handle)
    {
        var code = (await Network.InviteAsync())[0];

        var response = await Network.PostRegisterAsync(code, handle);

        await response.AssertInvalidAsync("handle");
        Assert.Equal(JsonValueKind.Null, (await Network.InvitationAsync(code)).GetProperty("usedBy").ValueKind);
    }

    [Fact]
    public async Task A_handle_typed_in_capitals_or_full_width_is_kept_in_lower_case_half_width_and_signs_in_either_way()
    {
        var codes = await Network.InviteAsync(2);

        var capitals = await Network.PostRegisterAsync(codes[0], "Hanako.Case", "Hanako");
        var fullWidth = await Network.PostRegisterAsync(codes[1], "ｆｕｌｌ．ｗｉｄｔｈ", "Full Width");

        Assert.Equal("hanako.case", (await capitals.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("member").Str("handle"));
        Assert.Equal("full.width", (await fullWidth.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("member").Str("handle"));
        await (await Network.PostLoginAsync("HANAKO.CASE", "a-long-password")).ReadJsonAsync();
        await (await Network.PostLoginAsync("ｆｕｌｌ．ｗｉｄｔｈ", "a-long-password")).ReadJsonAsync();
    }

    [Fact]
    public async Task Handle_with_a_trailing_newline_is_invalid_and_registers_no_second_member()
    {
        var original = await Network.JoinAsync("lknl", "Original");
        var code = (await Network.InviteAsync())[0];

        var impostor = await Network.PostRegisterAsync(code, "lknl\n", "Original");
        var login = await Network.PostLoginAsync("lknl\n", "a-long-password");

        await impostor.AssertInvalidAsync("handle");
        await login.AssertInvalidAsync("handle");
        var secretariat = await Network.SecretariatAsync();
        Assert.Equal([original.Id], (await secretariat.MembersWithHandleAsync("lknl")).Select(m => m.Str("id")));
        Assert.Equal(JsonValueKind.Null, (await Network.InvitationAsync(code)).GetProperty("usedBy").ValueKind);
    }

    [Theory]
    [InlineData("1ook.alike", "look.alike")]
    [InlineData("look_alike", "look.alike")]
    [InlineData("l00k.alike", "look.alike")]
    [InlineData("ｌｏｏｋ．ａｌｉｋｅ", "look.alike")]
    public async Task Handle_that_looks_like_a_members_handle_is_a_conflict(string impostor, string original)
    {
        var secretariat = await Network.SecretariatAsync();
        if ((await secretariat.MembersWithHandleAsync(original)).Length == 0) await Network.JoinAsync(original);
        var code = (await Network.InviteAsync())[0];

        var response = await Network.PostRegisterAsync(code, impostor, "Impostor");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(JsonValueKind.Null, (await Network.InvitationAsync(code)).GetProperty("usedBy").ValueKind);
    }

    [Fact]
    public async Task Register_accepts_values_at_the_limits_of_the_rules()
    {
        var codes = await Network.InviteAsync(2);
        var longHandle = "abcdefghijklmnopqrstuvwxyz0_.-12";
        var longName = new string('山', 64);

        var longest = await Network.PostRegisterAsync(codes[0], longHandle, longName, "0123456789");
        var shortest = await Network.PostRegisterAsync(codes[1], "a.b", "x", "0123456789");

        var member = (await longest.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("member");
        Assert.Equal(longHandle, member.Str("handle"));
        Assert.Equal(longName, member.Str("displayName"));
        Assert.Equal("a.b", (await shortest.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("member").Str("handle"));
        await (await Network.PostLoginAsync("a.b", "0123456789")).ReadJsonAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345")]
    [InlineData("Ta\0ro")]
    [InlineData("Ta\u0007ro")]
    [InlineData("Taro\n")]
    [InlineData("Taro\u202Egnp.exe")]
    public async Task Register_refuses_a_display_name_outside_the_name_rule(string displayName)
    {
        var code = (await Network.InviteAsync())[0];

        var response = await Network.PostRegisterAsync(code, "bad.name", displayName);

        await response.AssertInvalidAsync("displayName");
    }

    [Theory]
    [InlineData("")]
    [InlineData("123456789")]
    public async Task Register_refuses_a_password_shorter_than_10_characters(string password)
    {
        var code = (await Network.InviteAsync())[0];

        var response = await Network.PostRegisterAsync(code, "short.password", "Short Password", password);

        await response.AssertInvalidAsync("password");
        Assert.Equal(JsonValueKind.Null, (await Network.InvitationAsync(code)).GetProperty("usedBy").ValueKind);
    }

    // Sign-in

    [Fact]
    public async Task Login_with_the_right_password_returns_a_new_token_and_the_member()
    {
        var member = await Network.JoinAsync("login.right", "Login Right", "the-right-password");

        var body = await (await Network.PostLoginAsync("login.right", "the-right-password")).ReadJsonAsync();

        Assert.Equal(member.Id, body.GetProperty("member").Str("id"));
        Assert.Equal("alumnus", body.GetProperty("member").Str("role"));
        Assert.NotEqual(member.Token, body.Str("token"));
        using var http = Node.ClientFor(body.Str("token"));
        Assert.Equal(member.Id, (await (await http.GetAsync("/api/me")).ReadJsonAsync()).Str("id"));
    }

    [Fact]
    public async Task Login_with_a_wrong_password_is_unauthorized()
    {
        await Network.JoinAsync("login.wrong", "Login Wrong", "the-right-password");

        var response = await Network.PostLoginAsync("login.wrong", "the-wrong-password");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Login_with_an_unknown_handle_is_unauthorized()
    {
        var response = await Network.PostLoginAsync("nobody.here", "some-long-password");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task The_bootstrap_secretariat_exists_at_start_up_and_can_log_in()
    {
        var body = await (await Network.PostLoginAsync(CommunityNode.SecretariatHandle, CommunityNode.SecretariatPassword)).ReadJsonAsync();

        Assert.Equal("secretariat", body.GetProperty("member").Str("role"));
        Assert.Equal(CommunityNode.SecretariatHandle, body.GetProperty("member").Str("handle"));
    }

    // The token

    [Fact]
    public async Task Me_answers_the_member_of_the_token_in_the_authorization_header()
    {
        var member = await Network.JoinAsync("me.header", "ヘッダー 太郎");

        var me = await (await member.Http.GetAsync("/api/me")).ReadJsonAsync();

        Assert.Equal(member.Id, me.Str("id"));
        Assert.Equal("me.header", me.Str("handle"));
        Assert.Equal("ヘッダー 太郎", me.Str("displayName"));
    }

    [Fact]
    public async Task Rest_ignores_an_access_token_in_the_query_string()
    {
        var member = await Network.JoinAsync("query.rest");

        var response = await Node.Anonymous.GetAsync($"/api/me?access_token={Uri.EscapeDataString(member.Token)}");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task The_hub_accepts_the_token_in_the_authorization_header()
    {
        var member = await Network.JoinAsync("hub.header");

        await using var hub = await Node.ConnectAsync(member);

        Assert.False(hub.IsClosed);
        Assert.True((await (await member.Http.GetAsync($"/api/members/{member.Id}")).ReadJsonAsync()).GetProperty("online").GetBoolean());
    }

    [Fact]
    public async Task The_hub_accepts_the_token_in_the_access_token_query_string()
    {
        var member = await Network.JoinAsync("hub.query");

        await using var hub = await Node.ConnectAsync(member, tokenInQueryString: true);

        Assert.False(hub.IsClosed);
        Assert.True((await (await member.Http.GetAsync($"/api/members/{member.Id}")).ReadJsonAsync()).GetProperty("online").GetBoolean());
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_valid_token()
    {
        Assert.True(await HubTestClient.IsRefusedAsync(Node.BaseAddress, null).WaitAsync(Timeout));
        Assert.True(await HubTestClient.IsRefusedAsync(Node.BaseAddress, "made-up-token").WaitAsync(Timeout));
        Assert.True(await HubTestClient.IsRefusedAsync(Node.BaseAddress, "made-up-token", tokenInQueryString: true).WaitAsync(Timeout));
    }

    // Sign-out

    [Fact]
    public async Task Logout_answers_no_content_and_the_token_then_gets_401_on_rest()
    {
        var member = await Network.JoinAsync("logout.rest");

        var response = await member.Http.PostAsync("/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await member.Http.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await member.Http.PostAsync("/api/auth/logout", null)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task After_logout_the_hub_refuses_a_new_connection_with_the_token()
    {
        var member = await Network.JoinAsync("logout.hub");
        Assert.False(await HubTestClient.IsRefusedAsync(Node.BaseAddress, member.Token).WaitAsync(Timeout));

        Assert.Equal(HttpStatusCode.NoContent, (await member.Http.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.True(await HubTestClient.IsRefusedAsync(Node.BaseAddress, member.Token).WaitAsync(Timeout));
        Assert.True(await HubTestClient.IsRefusedAsync(Node.BaseAddress, member.Token, tokenInQueryString: true).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Logout_closes_the_open_hub_connections_made_with_the_token()
    {
        var member = await Network.JoinAsync("logout.close");
        await using var byHeader = await Node.ConnectAsync(member);
        await using var byQuery = await Node.ConnectAsync(member, tokenInQueryString: true);

        Assert.Equal(HttpStatusCode.NoContent, (await member.Http.PostAsync("/api/auth/logout", null)).StatusCode);

        await byHeader.WaitForCloseAsync();
        await byQuery.WaitForCloseAsync();
    }

    [Fact]
    public async Task Logout_leaves_the_other_tokens_of_the_member_working()
    {
        await Network.JoinAsync("logout.other", "Logout Other", "a-long-password");
        var first = await Network.LoginAsync("logout.other", "a-long-password");
        var second = await Network.LoginAsync("logout.other", "a-long-password");
        await using var firstHub = await Node.ConnectAsync(first);
        await using var secondHub = await Node.ConnectAsync(second);

        Assert.Equal(HttpStatusCode.NoContent, (await first.Http.PostAsync("/api/auth/logout", null)).StatusCode);
        await firstHub.WaitForCloseAsync();

        Assert.False(secondHub.IsClosed, $"the other token's connection closed: {secondHub.CloseReason}");
        // The connection still answers: an invocation comes back (here refused, as the room does not exist).
        var error = await Assert.ThrowsAsync<HubException>(() => secondHub.InvokeAsync("MarkRead", "r_nosuchroom", 1));
        Assert.StartsWith("not_found", error.Message);
        Assert.Equal(first.Id, (await (await second.Http.GetAsync("/api/me")).ReadJsonAsync()).Str("id"));
        Assert.False(await HubTestClient.IsRefusedAsync(Node.BaseAddress, second.Token).WaitAsync(Timeout));
    }
}
