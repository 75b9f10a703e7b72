using System.Diagnostics.Metrics;
using System.Net;
using Community.Gateway.Auth;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// Password hashing is the costliest thing an anonymous client can ask for: sign-up hashes only
/// for a usable invitation, and hashes wait on a bounded pool, refused with <c>rate_limited</c>
/// when its queue is full. The node's <c>Community.Auth</c> meter counts the hashes.
/// </summary>
public sealed class PasswordHashingTests
{
    [Fact]
    public async Task Sign_up_with_an_unknown_or_used_invitation_computes_no_password_hash()
    {
        await using var node = await CommunityNode.StartAsync();
        var network = new Network(node);
        var used = (await network.InviteAsync())[0];
        await network.PostRegisterAsync(used, "first.user");
        var code = (await network.InviteAsync())[0];
        using var hashes = new HashCounter(node);

        await (await network.PostRegisterAsync("ZZZZ-ZZZZ-ZZZZ", "guesser")).AssertInvalidAsync("inviteCode");
        await (await network.PostRegisterAsync(used, "second.user")).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var refusedHashes = hashes.Count;
        await (await network.PostRegisterAsync(code, "invited.user")).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal((0, 1), (refusedHashes, hashes.Count));
    }

    [Fact]
    public async Task Sign_ins_beyond_the_hashing_queue_are_rate_limited_and_the_rest_answered()
    {
        await using var node = await CommunityNode.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Community:Limits:PasswordHashConcurrency"] = "1",
            ["Community:Limits:PasswordHashQueue"] = "1",
        });
        var network = new Network(node);

        // Forty at once, each a quarter of a second of hashing, for one hashing thread and one place in its queue.
        var attempts = await Task.WhenAll(Enumerable.Range(1, 40).Select(i => network.PostLoginAsync($"nobody{i}", "a-wrong-password")))
            .WaitAsync(Steps.BatchTimeout);

        var statuses = attempts.Select(a => a.StatusCode).ToArray();
        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.All(statuses, status => Assert.True(status is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"got {status}"));
        var refused = attempts.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"expected a Retry-After, got '{refused.Headers.RetryAfter}'");
        // Once the queue has drained, signing in works as before.
        await network.LoginAsync(CommunityNode.SecretariatHandle, CommunityNode.SecretariatPassword);
    }

    /// <summary>The password hashes one node computes from now on, as its <c>Community.Auth</c> meter counts them.</summary>
    private sealed class HashCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public HashCounter(CommunityNode node)
        {
            var nodeMeters = node.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == nodeMeters && instrument.Meter.Name == PasswordHashPool.MeterName
                    && instrument.Name == "community.auth.password_hashes")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
