namespace Community.Tests.Grains.Runtime;

/// <summary>What a <see cref="TestGrain"/> instance knows about itself.</summary>
public sealed record ActivationInfo(string Key, string LoadedFor, int Instance);
