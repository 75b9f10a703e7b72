using System.Collections.Concurrent;
using System.Reflection;

namespace Community.Grains.Runtime;

/// <summary>
/// The reference a caller holds: implements the grain interface and turns every call into a
/// turn on the grain's activation.
/// </summary>
public class GrainProxy : DispatchProxy
{
    private static readonly ConcurrentDictionary<Type, Func<GrainRuntime, GrainId, MethodInfo, object?[]?, object>> Invokers = new();
    private static readonly ConcurrentDictionary<Type, Func<GrainRuntime, GrainId, MethodInfo, object?[]?, object>> BatchedInvokers = new();
    private static readonly MethodInfo InvokeBatchedMethod =
        typeof(GrainProxy).GetMethod(nameof(InvokeBatched), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo InvokeTypedMethod =
        typeof(GrainProxy).GetMethod(nameof(InvokeTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    private GrainRuntime _runtime = null!;
    private GrainId _id;

    internal static TGrain Create<TGrain>(GrainRuntime runtime, GrainId id) where TGrain : class, IGrain
    {
        var proxy = Create<TGrain, GrainProxy>();
        var self = (GrainProxy)(object)proxy;
        self._runtime = runtime;
        self._id = id;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(method);
        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
            return _runtime.CallAsync<bool>(_id, async grain => { await Call<Task>(grain, method, args).ConfigureAwait(false); return true; });
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var result = returnType.GetGenericArguments()[0];
            var invoke = method.IsDefined(typeof(BatchedAttribute))
                ? BatchedInvokers.GetOrAdd(result, BuildBatchedInvoker)
                : Invokers.GetOrAdd(result, BuildInvoker);
            return invoke(_runtime, _id, method, args);
        }
        throw new InvalidOperationException($"Grain method {method.Name} must return Task or Task<T>.");
    }

    private static Func<GrainRuntime, GrainId, MethodInfo, object?[]?, object> BuildBatchedInvoker(Type resultType) =>
        InvokeBatchedMethod.MakeGenericMethod(resultType)
            .CreateDelegate<Func<GrainRuntime, GrainId, MethodInfo, object?[]?, object>>();

    private static object InvokeBatched<T>(GrainRuntime runtime, GrainId id, MethodInfo method, object?[]? args) =>
        runtime.CallBatchedAsync<T>(id, method, args ?? []);

    private static Func<GrainRuntime, GrainId, MethodInfo, object?[]?, object> BuildInvoker(Type resultType) =>
        InvokeTypedMethod.MakeGenericMethod(resultType)
            .CreateDelegate<Func<GrainRuntime, GrainId, MethodInfo, object?[]?, object>>();

    private static object InvokeTyped<T>(GrainRuntime runtime, GrainId id, MethodInfo method, object?[]? args) =>
        runtime.CallAsync(id, grain => Call<Task<T>>(grain, method, args));

    private static TTask Call<TTask>(Grain grain, MethodInfo method, object?[]? args) where TTask : Task =>
        (TTask)method.Invoke(grain, BindingFlags.DoNotWrapExceptions, null, args, null)!;
}
