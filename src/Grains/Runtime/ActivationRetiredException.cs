namespace Community.Grains.Runtime;

/// <summary>A call reached an activation after it was deactivated; the runtime routes it to a new one.</summary>
internal sealed class ActivationRetiredException() : Exception("The activation was deactivated.");
