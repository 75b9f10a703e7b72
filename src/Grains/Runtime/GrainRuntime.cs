using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Community.Grains.Runtime;

/// <summary>
/// Hosts the grains of one node: activates them on first call, routes every call through the
/// activation's turn, and retires activations that have been idle.
/// </summary>
public sealed class GrainRuntime : IGrainFactory
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly ConcurrentDictionary<GrainId, object> _references = new();
    private readonly IServiceProvider _services;
    private readonly GrainTypeMap _types;
    private readonly GrainRuntimeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GrainRuntime> _logger;

    public GrainRuntime(IServiceProvider services, GrainTypeMap types, IOptions<GrainRuntimeOptions> options,
        TimeProvider time, ILogger<GrainRuntime> logger)
    {
        _services = services;
        _types = types;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>How many activations are live on this node.</summary>
    public int ActivationCount => _activations.Count;

    public TGrain GetGrain<TGrain>(string key) where TGrain : class, IGrain
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var id = new GrainId(typeof(TGrain), key);
        return (TGrain)_references.GetOrAdd(id, static (grainId, runtime) => GrainProxy.Create<TGrain>(runtime, grainId), this);
    }

    /// <summary>Retires every activation idle longer than the configured timeout.</summary>
    public async Task<int> DeactivateIdleAsync()
    {
        var retired = 0;
        foreach (var activation in _activations.Values)
        {
            if (activation.IdleFor < _options.IdleTimeout) continue;
            try
            {
                if (!await activation.TryRetireAsync(_options.IdleTimeout).ConfigureAwait(false)) continue;
            }
            catch (Exception ex)
            {
                // The activation is retired all the same; its grain only failed to say goodbye.
                GrainRuntimeLog.DeactivationFailed(_logger, activation.Id.ToString(), ex);
            }
            _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.Id, activation));
            _references.TryRemove(activation.Id, out _);
            GrainRuntimeLog.Deactivated(_logger, activation.Id.ToString());
            retired++;
        }
        return retired;
    }

    /// <summary>
    /// Tells a grain its state changed elsewhere (on another node): its next call here starts
    /// from a fresh load. Does nothing when the grain is not active on this node.
    /// </summary>
    public void Invalidate(Type grainInterface, string key)
    {
        if (_activations.TryGetValue(new GrainId(grainInterface, key), out var activation)) activation.MarkStale();
    }

    internal async Task<T> CallAsync<T>(GrainId id, Func<Grain, Task<T>> call)
    {
        while (true)
        {
            var activation = _activations.GetOrAdd(id, NewActivation);
            try
            {
                return await activation.RunTurnAsync(call).ConfigureAwait(false);
            }
            catch (ActivationRetiredException)
            {
                _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(id, activation));
            }
        }
    }

    internal async Task<T> CallBatchedAsync<T>(GrainId id, System.Reflection.MethodInfo method, object?[] args)
    {
        while (true)
        {
            var activation = _activations.GetOrAdd(id, NewActivation);
            try
            {
                return (T)(await activation.RunBatchedAsync(method, args).ConfigureAwait(false))!;
            }
            catch (ActivationRetiredException)
            {
                _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(id, activation));
            }
        }
    }

    private GrainActivation NewActivation(GrainId id)
    {
        var implementation = _types.ImplementationOf(id.Interface);
        return new GrainActivation(id, () => (Grain)ActivatorUtilities.CreateInstance(_services, implementation), _options, _time);
    }
}
