namespace Community.Grains.Runtime;

/// <summary>
/// Thrown by storage when a write was based on a version that is no longer current (another
/// activation, possibly on another node, wrote first). The runtime discards the activation's
/// state, reloads it and retries the call.
/// </summary>
public sealed class StaleStateException(string message) : Exception(message);
