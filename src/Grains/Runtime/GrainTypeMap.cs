namespace Community.Grains.Runtime;

/// <summary>Which grain class implements which grain interface.</summary>
public sealed class GrainTypeMap
{
    private readonly Dictionary<Type, Type> _implementations = new();

    public GrainTypeMap Add<TInterface, TGrain>()
        where TInterface : class, IGrain
        where TGrain : Grain, TInterface
    {
        _implementations[typeof(TInterface)] = typeof(TGrain);
        return this;
    }

    internal Type ImplementationOf(Type grainInterface) =>
        _implementations.TryGetValue(grainInterface, out var type)
            ? type
            : throw new InvalidOperationException($"No grain class is registered for {grainInterface.Name}.");
}
