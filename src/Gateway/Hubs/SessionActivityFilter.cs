using Community.Gateway.Auth;
using Microsoft.AspNetCore.SignalR;

namespace Community.Gateway.Hubs;

/// <summary>
/// Counts a hub connection's calls as uses of its session, at most once a minute, so that a member who
/// only talks over the hub is not signed out as idle. The connection itself still closes when the
/// session ends as judged at connect; the reconnect then finds the session alive.
/// </summary>
internal sealed class SessionActivityFilter(TokenService tokens, TimeProvider time) : IHubFilter
{
    private const string LastUseKey = "community.session-last-use";

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        // Authenticating the connection counted as a use.
        context.Context.Items[LastUseKey] = time.GetUtcNow();
        return next(context);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var items = invocation.Context.Items;
        var now = time.GetUtcNow();
        if (items.TryGetValue(LastUseKey, out var last) && last is DateTimeOffset lastUse && now - lastUse >= TokenService.TouchInterval)
        {
            items[LastUseKey] = now;
            await tokens.TouchAsync(invocation.Context.User!.TokenHashOf());
        }
        return await next(invocation);
    }
}
