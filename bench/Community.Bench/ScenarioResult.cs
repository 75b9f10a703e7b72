namespace Community.Bench;

/// <summary>What one scenario measured, and everything that went wrong in it.</summary>
internal sealed record ScenarioResult(
    string Name,
    string Setup,
    int Sent,
    double SendsPerSecond,
    double DeliveriesPerSecond,
    string LatencyOf,
    Latency Latency,
    Latency Ack,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> ServerLog)
{
    public bool Ok => Problems.Count == 0;


    /// <summary>The machine's one-minute load average when the scenario ended: how much else was running.</summary>
    public double Load { get; init; } = double.NaN;

    /// <summary>What the scenario has to say beyond the table's columns, a line each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static ScenarioResult Failed(string name, string setup, Exception error, IReadOnlyList<string> serverLog) =>
        new(name, setup, 0, double.NaN, double.NaN, "", Latency.None, Latency.None, [$"{error.GetType().Name}: {error.Message}"], serverLog);
}
