using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway.Sessions;

/// <summary>Signing in from a named device and reading one's sessions, as the tests of sessions need them.</summary>
internal static class SessionSteps
{
    public const string IPhoneSafari =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    public const string WindowsChrome =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    /// <summary>Signs in again as <paramref name="member"/> (a new session), sending <paramref name="userAgent"/> when given.</summary>
    public static async Task<TestMember> SignInAgainAsync(this CommunityNode node, TestMember member, string? userAgent = null,
        string password = "a-long-password")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { handle = member.Handle, password }) };
        if (userAgent is not null) request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        var body = await (await node.Anonymous.SendAsync(request)).ReadJsonAsync();
        return member with { Token = body.Str("token"), Http = node.ClientFor(body.Str("token")) };
    }

    /// <summary><c>GET /api/me/sessions</c> with the member's token.</summary>
    public static async Task<JsonElement[]> SessionsAsync(this TestMember member) => (await Steps.GetAsync(member, "/api/me/sessions")).Items();

    /// <summary>The id of the session the member's token opened.</summary>
    public static async Task<string> SessionIdAsync(this TestMember member) =>
        (await member.SessionsAsync()).Single(s => s.GetProperty("current").GetBoolean()).Str("id");

    /// <summary>Whether the token is refused (401) on REST.</summary>
    public static async Task<bool> IsSignedOutAsync(this TestMember member)
    {
        var response = await member.Http.GetAsync("/api/me");
        if (response.StatusCode == HttpStatusCode.OK) return false;
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        return true;
    }
}
