using System.Net;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

[Collection(SharedNode.Name)]
public sealed class InvitationTests(SharedNodeFixture fixture)
{
    private Network Network => fixture.Network;

    [Fact]
    public async Task The_secretariat_creates_invitations_and_lists_them_with_role_expiry_use_and_note()
    {
        var secretariat = await Network.SecretariatAsync();
        var before = DateTimeOffset.UtcNow;

        var response = await secretariat.Http.PostJsonAsync("/api/admin/invitations",
            new { count = 3, role = "employee", expiresInDays = 7, note = "class of 2019" });

        var after = DateTimeOffset.UtcNow;
        var codes = (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("codes").EnumerateArray()
            .Select(c => c.GetString()!).ToArray();
        Assert.Equal(3, codes.Length);
        Assert.Equal(3, codes.Distinct().Count());
        foreach (var code in codes)
        {
            var listed = await Network.InvitationAsync(code);
            Assert.Equal("employee", listed.Str("role"));
            Assert.Equal("class of 2019", listed.Str("note"));
            Assert.Equal(JsonValueKind.Null, listed.GetProperty("usedBy").ValueKind);
            var expiresAt = listed.GetProperty("expiresAt").GetDateTimeOffset();
            Assert.InRange(expiresAt, before.AddDays(7).AddSeconds(-1), after.AddDays(7).AddSeconds(1));
        }
    }

    [Fact]
    public async Task An_invitation_without_options_is_one_alumnus_code_valid_for_30_days()
    {
        var secretariat = await Network.SecretariatAsync();
        var before = DateTimeOffset.UtcNow;

        var response = await secretariat.Http.PostJsonAsync("/api/admin/invitations", new { });

        var after = DateTimeOffset.UtcNow;
        var code = Assert.Single((await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("codes").EnumerateArray()).GetString()!;
        var listed = await Network.InvitationAsync(code);
        Assert.Equal("alumnus", listed.Str("role"));
        Assert.InRange(listed.GetProperty("expiresAt").GetDateTimeOffset(), before.AddDays(30).AddSeconds(-1), after.AddDays(30).AddSeconds(1));
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("note").ValueKind);
    }

    [Fact]
    public async Task The_list_shows_who_used_an_invitation()
    {
        var code = (await Network.InviteAsync())[0];
        var body = await (await Network.PostRegisterAsync(code, "invited.user")).ReadJsonAsync(HttpStatusCode.Created);

        var listed = await Network.InvitationAsync(code);

        Assert.Equal(body.GetProperty("member").Str("id"), listed.Str("usedBy"));
    }

    [Theory]
    [InlineData("alumnus")]
    [InlineData("employee")]
    [InlineData("supporter")]
    public async Task Only_the_secretariat_may_create_or_list_invitations(string role)
    {
        var code = (await Network.InviteAsync(role: role))[0];
        var member = await Network.PostRegisterAsync(code, $"no.invites.{role}");
        var token = (await member.ReadJsonAsync(HttpStatusCode.Created)).Str("token");
        using var http = fixture.Node.ClientFor(token);

        var create = await http.PostJsonAsync("/api/admin/invitations", new { count = 1 });
        var list = await http.GetAsync("/api/admin/invitations");

        await create.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await list.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Invitations_without_a_token_are_unauthorized()
    {
        var create = await fixture.Node.Anonymous.PostJsonAsync("/api/admin/invitations", new { count = 1 });
        var list = await fixture.Node.Anonymous.GetAsync("/api/admin/invitations");

        await create.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await list.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public async Task A_count_outside_1_to_1000_is_invalid_naming_the_count(int count)
    {
        var secretariat = await Network.SecretariatAsync();
        var before = (await (await secretariat.Http.GetAsync("/api/admin/invitations")).ReadJsonAsync()).Items().Length;

        var response = await secretariat.Http.PostJsonAsync("/api/admin/invitations", new { count });

        await response.AssertInvalidAsync("count");
        Assert.Equal(before, (await (await secretariat.Http.GetAsync("/api/admin/invitations")).ReadJsonAsync()).Items().Length);
    }

    [Fact]
    public async Task A_thousand_invitations_can_be_created_at_once()
    {
        var secretariat = await Network.SecretariatAsync();

        var response = await secretariat.Http.PostJsonAsync("/api/admin/invitations", new { count = 1000, note = "the big batch" });

        var codes = (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ToArray();
        Assert.Equal(1000, codes.Length);
        Assert.Equal(1000, codes.Distinct().Count());
        var listed = (await (await secretariat.Http.GetAsync("/api/admin/invitations")).ReadJsonAsync()).Items();
        Assert.Equal(1000, listed.Count(i => i.GetProperty("note").ValueKind == JsonValueKind.String && i.Str("note") == "the big batch"));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("Alumnus")]
    [InlineData("")]
    public async Task A_role_other_than_the_four_is_invalid_naming_the_role(string role)
    {
        var secretariat = await Network.SecretariatAsync();

        var response = await secretariat.Http.PostJsonAsync("/api/admin/invitations", new { role });

        await response.AssertInvalidAsync("role");
    }

    [Theory]
    [InlineData("alumnus")]
    [InlineData("employee")]
    [InlineData("supporter")]
    [InlineData("secretariat")]
    public async Task Each_of_the_four_roles_can_be_invited(string role)
    {
        var code = (await Network.InviteAsync(role: role))[0];

        Assert.Equal(role, (await Network.InvitationAsync(code)).Str("role"));
    }

    // Revoking

    [Fact]
    public async Task A_revoked_invitation_signs_nobody_up_and_is_listed_as_revoked()
    {
        var secretariat = await Network.SecretariatAsync();
        var code = (await Network.InviteAsync())[0];

        var revoke = await secretariat.Http.DeleteAsync($"/api/admin/invitations/{code.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await (await Network.PostRegisterAsync(code, "withdrawn.code")).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var listed = await Network.InvitationAsync(code);
        Assert.Equal(JsonValueKind.String, listed.GetProperty("revokedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("usedBy").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, (await secretariat.Http.DeleteAsync($"/api/admin/invitations/{code}")).StatusCode);
    }

    [Fact]
    public async Task A_used_invitation_cannot_be_revoked_and_an_unknown_one_is_not_found()
    {
        var secretariat = await Network.SecretariatAsync();
        var code = (await Network.InviteAsync())[0];
        await (await Network.PostRegisterAsync(code, "used.before.revoke")).ReadJsonAsync(HttpStatusCode.Created);

        await (await secretariat.Http.DeleteAsync($"/api/admin/invitations/{code}")).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        await (await secretariat.Http.DeleteAsync("/api/admin/invitations/ZZZZ-ZZZZ-ZZZZ")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(JsonValueKind.Null, (await Network.InvitationAsync(code)).GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task Only_the_secretariat_revokes_invitations()
    {
        var code = (await Network.InviteAsync())[0];
        var member = await Network.JoinAsync();

        await (await member.Http.DeleteAsync($"/api/admin/invitations/{code}")).AssertForbiddenAsync();

        await (await Network.PostRegisterAsync(code, "still.invited")).ReadJsonAsync(HttpStatusCode.Created);
    }
}
