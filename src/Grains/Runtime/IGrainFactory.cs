namespace Community.Grains.Runtime;

/// <summary>Hands out references to grains by key; the grain is activated on first call.</summary>
public interface IGrainFactory
{
    TGrain GetGrain<TGrain>(string key) where TGrain : class, IGrain;
}
