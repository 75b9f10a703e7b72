using System.Net;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

public sealed class LoginThrottleTests
{
    [Fact]
    public async Task After_the_allowed_attempts_a_handle_is_rate_limited_while_another_handle_is_still_allowed()
    {
        await using var node = await CommunityNode.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Community:Limits:LoginAttemptsPerWindow"] = "3",
        });
        var network = new Network(node);
        await network.JoinAsync("throttled", "Throttled", "the-right-password");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var wrong = await node.Anonymous.PostJsonAsync("/api/auth/login", new { handle = "throttled", password = "a-wrong-password" });
            await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
        // Even the right password is refused now: the handle has used its attempts.
        var limited = await node.Anonymous.PostJsonAsync("/api/auth/login", new { handle = "throttled", password = "the-right-password" });

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { } delta && delta > TimeSpan.Zero && delta <= TimeSpan.FromMinutes(5),
            $"expected a Retry-After of up to the 5 min window, got '{limited.Headers.RetryAfter}'");
        // The secretariat has used one attempt (to invite); its handle is still allowed.
        await (await node.Anonymous.PostJsonAsync("/api/auth/login",
            new { handle = CommunityNode.SecretariatHandle, password = CommunityNode.SecretariatPassword })).ReadJsonAsync();
    }
}
