using System.Net;
using System.Net.Http.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// Sign-in and sign-up are limited per client address as well as per handle: a small budget
/// here (3, then 1 a minute). The address is the connection's, or, from a configured proxy, the one
/// it forwards.
/// </summary>
public sealed class AnonymousRateLimitTests
{
    private static readonly Dictionary<string, string?> SmallBudget = new()
    {
        ["Community:Limits:AnonymousRequestBurst"] = "3",
        ["Community:Limits:AnonymousRequestsPerMinute"] = "1",
    };

    [Fact]
    public async Task Attempts_beyond_an_addresses_budget_are_rate_limited_whatever_the_handle_and_a_forwarded_address_is_not_believed()
    {
        await using var node = await CommunityNode.StartAsync(settings: SmallBudget);

        for (var attempt = 1; attempt <= 3; attempt++)
            await (await LoginAsync(node, $"guess{attempt}")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var limited = await LoginAsync(node, "guess4");
        var signUp = await node.Anonymous.PostJsonAsync("/api/auth/register",
            new { inviteCode = "AAAA-BBBB-CCCC", handle = "newcomer", displayName = "New", password = "a-long-password" });
        // No proxy is configured: a client cannot claim another address.
        var spoofed = await LoginAsync(node, "guess5", forwardedFor: "203.0.113.7");

        foreach (var refused in new[] { limited, signUp, spoofed })
        {
            await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
            Assert.True(refused.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero && delta <= TimeSpan.FromMinutes(1),
                $"expected a Retry-After of up to a minute, got '{refused.Headers.RetryAfter}'");
        }
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_address_has_a_budget_of_its_own()
    {
        await using var node = await CommunityNode.StartAsync(settings: new Dictionary<string, string?>(SmallBudget)
        {
            ["Community:Proxy:KnownProxies:0"] = "127.0.0.1",
        });

        for (var attempt = 1; attempt <= 3; attempt++)
            await (await LoginAsync(node, $"guess{attempt}", forwardedFor: "203.0.113.7")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var limited = await LoginAsync(node, "guess4", forwardedFor: "203.0.113.7");
        var neighbour = await LoginAsync(node, "guess5", forwardedFor: "203.0.113.8");
        // What the client put before the proxy's entry is not the proxy's word.
        var prefixed = await LoginAsync(node, "guess6", forwardedFor: "198.51.100.1, 203.0.113.7");

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        await neighbour.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await prefixed.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
    }

    private static Task<HttpResponseMessage> LoginAsync(CommunityNode node, string handle, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { handle, password = "a-wrong-password" }) };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return node.Anonymous.SendAsync(request);
    }
}
