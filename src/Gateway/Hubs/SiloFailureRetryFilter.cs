using Community.Gateway.Errors;
using Community.Gateway.Logging;
using Microsoft.AspNetCore.SignalR;

namespace Community.Gateway.Hubs;

/// <summary>
/// Tries a hub call again when the silo that hosted its grain died under it, until the cluster
/// has moved the grain to a live silo, instead of failing the client. Every hub method is safe to
/// repeat: a send carries its client message id, and the others set rather than add.
/// </summary>
internal sealed class SiloFailureRetryFilter(TimeProvider time, ILogger<SiloFailureRetryFilter> logger) : IHubFilter
{
    /// <summary>Long enough for the cluster to declare a silo that stopped answering dead (about 15 s by default).</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(2);

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var started = time.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(invocationContext);
            }
            catch (Exception ex) when (SiloFailure.Is(ex) && time.GetElapsedTime(started) < GiveUpAfter)
            {
                GatewayLog.RetryingAfterSiloFailure(logger, invocationContext.HubMethodName, attempt, ex.GetType().Name);
                await Task.Delay(pause, time, invocationContext.Context.ConnectionAborted);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxPause.Ticks));
            }
        }
    }

}
