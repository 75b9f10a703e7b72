using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Community.Grains.Runtime;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>Adds the grain runtime with the given grain classes.</summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainTypeMap> grains)
    {
        var map = new GrainTypeMap();
        grains(map);
        services.AddSingleton(map);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<GrainRuntimeOptions>();
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddHostedService<IdleGrainSweeper>();
        return services;
    }
}
