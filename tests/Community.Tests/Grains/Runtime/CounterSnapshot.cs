namespace Community.Tests.Grains.Runtime;

public sealed record CounterSnapshot(int Value, long Version, int Instance);
