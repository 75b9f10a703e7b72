using System.Net;
using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Community.Tests.Gateway.Sessions;

/// <summary>A member's sessions: listing them, signing out one, the others or all, and changing the password.</summary>
[Collection(SharedNode.Name)]
public sealed class SessionTests(SharedNodeFixture fixture)
{
    private const string Password = "a-long-password";

    private CommunityNode Node => fixture.Node;

    private Network Network => fixture.Network;

    [Fact]
    public async Task A_member_lists_their_sessions_with_the_device_times_and_which_one_is_asking_and_never_a_token()
    {
        var first = await Network.JoinAsync();
        var phone = await Node.SignInAgainAsync(first, SessionSteps.IPhoneSafari);
        var desktop = await Node.SignInAgainAsync(first, SessionSteps.WindowsChrome);

        var response = await phone.Http.GetAsync("/api/me/sessions");

        var text = await response.Content.ReadAsStringAsync();
        var sessions = (await response.ReadJsonAsync()).Items();
        Assert.Equal(3, sessions.Length);
        Assert.All(sessions, s => Assert.StartsWith("s_", s.Str("id")));
        Assert.Equal(3, sessions.Select(s => s.Str("id")).Distinct().Count());
        var current = Assert.Single(sessions, s => s.GetProperty("current").GetBoolean());
        Assert.Equal("Safari · iPhone", current.Str("device"));
        Assert.Contains(sessions, s => s.GetProperty("device").ValueKind == System.Text.Json.JsonValueKind.String && s.Str("device") == "Chrome · Windows");
        Assert.Contains(sessions, s => s.GetProperty("device").ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.All(sessions, s => Assert.True(s.GetProperty("createdAt").GetDateTimeOffset() <= s.GetProperty("lastSeenAt").GetDateTimeOffset()));
        Assert.All(sessions, s => Assert.True(s.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(29)));
        foreach (var token in new[] { first.Token, phone.Token, desktop.Token, TokenHash(first.Token) })
            Assert.DoesNotContain(token, text);
    }

    [Fact]
    public async Task Signing_out_one_session_closes_only_that_sessions_connections()
    {
        var laptop = await Network.JoinAsync();
        var phone = await Node.SignInAgainAsync(laptop, SessionSteps.IPhoneSafari);
        await using var laptopHub = await Node.ConnectAsync(laptop);
        await using var phoneHub = await Node.ConnectAsync(phone);
        var laptopSession = await laptop.SessionIdAsync();

        var response = await phone.Http.DeleteAsync($"/api/me/sessions/{laptopSession}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await laptopHub.WaitForCloseAsync();
        Assert.True(await laptop.IsSignedOutAsync());
        Assert.True(await HubTestClient.IsRefusedAsync(Node.BaseAddress, laptop.Token));
        Assert.False(phoneHub.IsClosed, $"the phone's connection closed: {phoneHub.CloseReason}");
        var error = await Assert.ThrowsAsync<HubException>(() => phoneHub.InvokeAsync("MarkRead", "r_nosuchroom", 1));
        Assert.StartsWith("not_found", error.Message);
        Assert.False(await phone.IsSignedOutAsync());
        Assert.Equal([await phone.SessionIdAsync()], (await phone.SessionsAsync()).Select(s => s.Str("id")));
    }

    [Fact]
    public async Task Signing_out_a_session_that_is_not_ones_own_is_not_found_and_leaves_it_working()
    {
        var owner = await Network.JoinAsync();
        var other = await Network.JoinAsync();
        var ownersSession = await owner.SessionIdAsync();

        var response = await other.Http.DeleteAsync($"/api/me/sessions/{ownersSession}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.False(await owner.IsSignedOutAsync());
        await (await other.Http.DeleteAsync("/api/me/sessions/s_nosuchsession")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Signing_out_the_other_sessions_keeps_the_one_asking()
    {
        var first = await Network.JoinAsync();
        var second = await Node.SignInAgainAsync(first);
        var third = await Node.SignInAgainAsync(first);
        await using var firstHub = await Node.ConnectAsync(first);
        await using var secondHub = await Node.ConnectAsync(second);
        await using var thirdHub = await Node.ConnectAsync(third);

        var response = await second.Http.DeleteAsync("/api/me/sessions/others");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await firstHub.WaitForCloseAsync();
        await thirdHub.WaitForCloseAsync();
        Assert.True(await first.IsSignedOutAsync());
        Assert.True(await third.IsSignedOutAsync());
        Assert.False(secondHub.IsClosed, $"the asking session's connection closed: {secondHub.CloseReason}");
        Assert.False(await second.IsSignedOutAsync());
        Assert.Single(await second.SessionsAsync());
    }

    [Fact]
    public async Task Signing_out_all_sessions_ends_the_one_asking_too()
    {
        var first = await Network.JoinAsync();
        var second = await Node.SignInAgainAsync(first);
        await using var firstHub = await Node.ConnectAsync(first);
        await using var secondHub = await Node.ConnectAsync(second);

        var response = await second.Http.DeleteAsync("/api/me/sessions");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await firstHub.WaitForCloseAsync();
        await secondHub.WaitForCloseAsync();
        Assert.True(await first.IsSignedOutAsync());
        Assert.True(await second.IsSignedOutAsync());
        Assert.False(await HubTestClient.IsRefusedAsync(Node.BaseAddress, (await Node.SignInAgainAsync(first)).Token));
    }

    [Fact]
    public async Task Changing_the_password_signs_out_the_other_sessions_and_keeps_the_current_one()
    {
        var laptop = await Network.JoinAsync(password: Password);
        var phone = await Node.SignInAgainAsync(laptop, SessionSteps.IPhoneSafari);
        await using var laptopHub = await Node.ConnectAsync(laptop);
        await using var phoneHub = await Node.ConnectAsync(phone);

        var response = await phone.Http.PostJsonAsync("/api/me/password", new { currentPassword = Password, newPassword = "a-brand-new-password" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await laptopHub.WaitForCloseAsync();
        Assert.True(await laptop.IsSignedOutAsync());
        Assert.False(phoneHub.IsClosed, $"the current session's connection closed: {phoneHub.CloseReason}");
        Assert.False(await phone.IsSignedOutAsync());
        await (await Network.PostLoginAsync(laptop.Handle, Password)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await Network.PostLoginAsync(laptop.Handle, "a-brand-new-password")).ReadJsonAsync();
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_changes_nothing_without_it()
    {
        var laptop = await Network.JoinAsync(password: Password);
        var phone = await Node.SignInAgainAsync(laptop);

        var wrong = await phone.Http.PostJsonAsync("/api/me/password", new { currentPassword = "not-the-password", newPassword = "a-brand-new-password" });
        var missing = await phone.Http.PostJsonAsync("/api/me/password", new { newPassword = "a-brand-new-password" });

        await wrong.AssertForbiddenAsync();
        await missing.AssertInvalidAsync("currentPassword");
        Assert.False(await laptop.IsSignedOutAsync());
        await (await Network.PostLoginAsync(laptop.Handle, Password)).ReadJsonAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("123456789")]
    public async Task Changing_the_password_refuses_a_new_one_outside_the_rules(string? newPassword)
    {
        var member = await Network.JoinAsync(password: Password);

        var response = await member.Http.PostJsonAsync("/api/me/password", new { currentPassword = Password, newPassword });

        await response.AssertInvalidAsync("newPassword");
        await (await Network.PostLoginAsync(member.Handle, Password)).ReadJsonAsync();
    }

    [Fact]
    public async Task Sessions_need_a_valid_token()
    {
        await (await Node.Anonymous.GetAsync("/api/me/sessions")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await Node.Anonymous.DeleteAsync("/api/me/sessions")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await Node.Anonymous.PostJsonAsync("/api/me/password", new { currentPassword = Password, newPassword = "a-brand-new-password" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private static string TokenHash(string token) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
