using Community.Gateway.Errors;
using Community.Gateway.Logging;
using Community.Grains.Errors;
using Microsoft.AspNetCore.SignalR;
using ErrorCode = Community.Grains.Errors.ErrorCode;

namespace Community.Gateway.Hubs;

/// <summary>Turns contract errors into <see cref="HubException"/>s whose message starts with the code, and logs the failures that are not refusals.</summary>
internal sealed class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
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
        catch (Exception ex) when (SiloFailure.Is(ex))
        {
            // The retry filter gave up: the cluster has not moved the grain yet.
            throw new HubException($"{ErrorCode.Unavailable.ToWire()}: {SiloFailure.AsRefusal().Message}");
        }
        catch (Exception ex) when (ex is not HubException)
        {
            GatewayLog.HubMethodFailed(logger, invocationContext.HubMethodName, ex);
            throw;
        }
    }
}
