using Community.Grains.Errors;
using Microsoft.AspNetCore.SignalR;

namespace Community.Gateway.Hubs;

/// <summary>Turns contract errors into <see cref="HubException"/>s whose message starts with the code.</summary>
internal sealed class HubErrorFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (CommunityException error)
        {
            throw new HubException($"{error.Code.ToWire()}: {error.Message}");
        }
    }
}
