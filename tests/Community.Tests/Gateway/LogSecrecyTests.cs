using System.Net;
using Community.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Community.Tests.Gateway;

public sealed class LogSecrecyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task No_token_or_password_ever_appears_in_the_logs()
    {
        var capture = new CapturingLoggerProvider();
        await using var node = await CommunityNode.StartAsync(
            settings: new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" },
            configure: builder => builder.Logging.AddProvider(capture));
        var network = new Network(node);
        const string password = "hanako-secret-password-4711";

        var registered = await network.JoinAsync("hanako", "山田 花子", password);
        var loggedIn = await network.LoginAsync("hanako", password);
        await (await node.Anonymous.PostJsonAsync("/api/auth/login", new { handle = "hanako", password = password + "-wrong" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await loggedIn.Http.GetAsync("/api/me")).ReadJsonAsync();
        await using (var byQuery = await node.ConnectAsync(registered, tokenInQueryString: true))
        {
            await using var byHeader = await node.ConnectAsync(loggedIn);
        }
        await (await node.Anonymous.GetAsync($"/api/me?access_token={Uri.EscapeDataString(loggedIn.Token)}"))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.NoContent, (await loggedIn.Http.PostAsync("/api/auth/logout", null)).StatusCode);

        // Request lines are written as requests end: wait for both hub connections' (each a negotiation,
        // then the WebSocket request that carries the connection) and the last request's.
        await capture.WaitForAsync(line => line.Contains("POST /hubs/chat/negotiate responded", StringComparison.Ordinal), Timeout, count: 2);
        await capture.WaitForAsync(line => line.Contains("GET /hubs/chat responded", StringComparison.Ordinal), Timeout, count: 2);
        await capture.WaitForAsync(line => line.Contains("/api/auth/logout responded 204", StringComparison.Ordinal), Timeout);
        var lines = capture.Lines;
        Assert.Contains(lines, line => line.Contains("POST /api/auth/login responded 200", StringComparison.Ordinal));
        foreach (var secret in new[] { registered.Token, loggedIn.Token, password })
        {
            var leaks = lines.Where(line => line.Contains(secret, StringComparison.Ordinal)).ToArray();
            Assert.True(leaks.Length == 0, $"a secret was logged in {leaks.Length} line(s):\n{string.Join('\n', leaks)}");
        }
    }

    [Fact]
    public async Task A_calendar_feed_token_in_its_address_never_appears_in_the_logs()
    {
        var capture = new CapturingLoggerProvider();
        await using var node = await CommunityNode.StartAsync(
            settings: new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" },
            configure: builder => builder.Logging.AddProvider(capture));
        var hanako = await new Network(node).JoinAsync("hanako");
        var room = await Steps.RoomWithAsync(hanako);
        var feed = await (await hanako.Http.PostAsync($"/api/rooms/{room}/calendar-feed", null)).ReadJsonAsync(HttpStatusCode.Created);
        var token = feed.Str("token");

        Assert.Equal(HttpStatusCode.OK, (await node.Anonymous.GetAsync(new Uri(feed.Str("url")).PathAndQuery)).StatusCode);

        await capture.WaitForAsync(line => line.Contains("GET /calendar/feed.ics responded 200", StringComparison.Ordinal), Timeout);
        var leaks = capture.Lines.Where(line => line.Contains(token, StringComparison.Ordinal)).ToArray();
        Assert.True(leaks.Length == 0, $"the feed's token was logged in {leaks.Length} line(s):\n{string.Join('\n', leaks)}");
    }
}
