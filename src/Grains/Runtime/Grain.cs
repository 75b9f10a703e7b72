namespace Community.Grains.Runtime;

/// <summary>
/// Base class of every grain. The runtime calls one method at a time on an instance, so grain
/// code keeps plain fields and takes no locks.
/// </summary>
public abstract class Grain
{
    /// <summary>The key this instance was activated for.</summary>
    public string Key { get; internal set; } = "";

    /// <summary>Loads the grain's state; runs before the first call and after a stale write.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs when the runtime retires an idle activation.</summary>
    public virtual Task OnDeactivateAsync() => Task.CompletedTask;
}
