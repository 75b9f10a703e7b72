using Community.Grains.Runtime;
using Community.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Tests.Grains.Runtime;

/// <summary>One node's grain runtime, wired as the application wires it, with the test grains.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public TestNode(TimeProvider? clock = null, VersionedStore? store = null, Action<GrainRuntimeOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock ?? new ManualTimeProvider());
        services.AddSingleton(store ?? new VersionedStore());
        services.AddSingleton<GrainProbe>();
        services.AddSingleton<BatchLog>();
        services.AddGrainRuntime(m => m.Add<ITestGrain, TestGrain>().Add<ICounterGrain, CounterGrain>().Add<IBatchingGrain, BatchingGrain>());
        services.Configure<GrainRuntimeOptions>(options => configure?.Invoke(options));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Runtime = _services.GetRequiredService<GrainRuntime>();
        Probe = _services.GetRequiredService<GrainProbe>();
    }

    public GrainRuntime Runtime { get; }

    public GrainProbe Probe { get; }

    public BatchLog Batches => _services.GetRequiredService<BatchLog>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
