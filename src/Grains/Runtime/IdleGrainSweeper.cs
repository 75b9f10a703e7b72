using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Community.Grains.Runtime;

/// <summary>Periodically retires idle activations so a node's memory follows its working set.</summary>
internal sealed class IdleGrainSweeper(GrainRuntime runtime, IOptions<GrainRuntimeOptions> options, TimeProvider time,
    ILogger<IdleGrainSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await runtime.DeactivateIdleAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                GrainRuntimeLog.SweepFailed(logger, ex);
            }
        }
    }
}
