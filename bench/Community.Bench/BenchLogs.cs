using Community.Tests.Support;

namespace Community.Bench;

/// <summary>The warnings and errors a scenario's servers logged: the product's nodes' and bare SignalR's, apart.</summary>
internal sealed record BenchLogs(CapturingLoggerProvider Product, CapturingLoggerProvider Bare)
{
    public static BenchLogs New() => new(new CapturingLoggerProvider(), new CapturingLoggerProvider());
}
