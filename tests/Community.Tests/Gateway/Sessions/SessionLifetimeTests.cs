using System.Net;
using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Community.Tests.Gateway.Sessions;

/// <summary>
/// Sessions end after their idle and absolute lifetimes, on REST and on the hub. Each test runs a node
/// of its own on a clock it moves; the hub judges a connection's end by the system clock, from what is
/// left of the session when it connects.
/// </summary>
public sealed class SessionLifetimeTests
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_live_hub_connection_closes_when_its_session_reaches_its_absolute_lifetime()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var node = await StartAsync(clock, absolute: "00:00:03");
        var member = await new Network(node).JoinAsync();
        await using var hub = await node.ConnectAsync(member);

        // The node's clock stands still: the session has 3 s left whenever the connection opened.
        await hub.WaitForCloseAsync(CloseTimeout);

        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True(await member.IsSignedOutAsync());
        Assert.True(await HubTestClient.IsRefusedAsync(node.BaseAddress, member.Token));
    }

    [Fact]
    public async Task A_session_unused_for_its_idle_lifetime_ends()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var node = await StartAsync(clock, idle: "00:10:00");
        var member = await new Network(node).JoinAsync();

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(await member.IsSignedOutAsync());
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(await member.IsSignedOutAsync());
        var otherDevice = await node.SignInAgainAsync(member);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(await otherDevice.IsSignedOutAsync());
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.True(await member.IsSignedOutAsync());
        Assert.True(await HubTestClient.IsRefusedAsync(node.BaseAddress, member.Token));
        // The other session was used 5 minutes ago: it goes on, and lists itself alone.
        Assert.Equal([await otherDevice.SessionIdAsync()], (await otherDevice.SessionsAsync()).Select(s => s.Str("id")));
    }

    [Fact]
    public async Task A_session_in_constant_use_still_ends_at_its_absolute_lifetime()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var node = await StartAsync(clock, idle: "00:30:00", absolute: "01:00:00");
        var member = await new Network(node).JoinAsync();

        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(11));
            Assert.False(await member.IsSignedOutAsync(), $"signed out after {(i + 1) * 11} minutes");
        }
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.True(await member.IsSignedOutAsync());
    }

    [Fact]
    public async Task Last_use_is_written_at_most_once_a_minute_not_on_every_request()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var node = await StartAsync(clock);
        var member = await new Network(node).JoinAsync();
        var signedUpAt = (await member.SessionsAsync()).Single().GetProperty("lastSeenAt").GetDateTimeOffset();

        clock.Advance(TimeSpan.FromSeconds(30));
        await Steps.GetAsync(member, "/api/me");
        var afterHalfAMinute = (await member.SessionsAsync()).Single().GetProperty("lastSeenAt").GetDateTimeOffset();
        clock.Advance(TimeSpan.FromSeconds(31));
        await Steps.GetAsync(member, "/api/me");
        var afterAMinute = (await member.SessionsAsync()).Single().GetProperty("lastSeenAt").GetDateTimeOffset();

        Assert.Equal(signedUpAt, afterHalfAMinute);
        Assert.Equal(signedUpAt.AddSeconds(61), afterAMinute);
    }

    [Fact]
    public async Task Calls_on_the_hub_count_as_use_of_the_session()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var node = await StartAsync(clock, idle: "00:10:00");
        var member = await new Network(node).JoinAsync();
        await using var hub = await node.ConnectAsync(member);

        clock.Advance(TimeSpan.FromMinutes(6));
        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("MarkRead", "r_nosuchroom", 1));
        Assert.StartsWith("not_found", error.Message);
        clock.Advance(TimeSpan.FromMinutes(6));

        // Twelve minutes since the last REST request, six since the hub call.
        Assert.False(await member.IsSignedOutAsync());
    }

    [Fact]
    public async Task A_node_refuses_an_idle_lifetime_shorter_than_the_minute_use_is_kept_to()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CommunityNode.StartAsync(settings: new Dictionary<string, string?> { ["Community:Sessions:IdleLifetime"] = "00:00:30" }).WaitAsync(CloseTimeout));

        Assert.Contains("Community:Sessions:IdleLifetime", error.Message);
    }

    private static Task<CommunityNode> StartAsync(ManualTimeProvider clock, string? idle = null, string? absolute = null)
    {
        var settings = new Dictionary<string, string?>();
        if (idle is not null) settings["Community:Sessions:IdleLifetime"] = idle;
        if (absolute is not null) settings["Community:Sessions:AbsoluteLifetime"] = absolute;
        return CommunityNode.StartAsync(settings: settings, configure: builder => builder.Services.AddSingleton<TimeProvider>(clock));
    }
}
