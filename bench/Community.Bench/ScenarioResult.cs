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
    public bool Ok => Problems.Count == 0 && (Bare?.Ok ?? true);

    /// <summary>Which server was measured: <see cref="Target.Product"/> or <see cref="Target.Bare"/>.</summary>
    public string Server { get; init; } = Target.Product;

    /// <summary>The same load on bare SignalR, measured in the same run; null where the scenario has no baseline.</summary>
    public ScenarioResult? Bare { get; init; }

    /// <summary>How many senders sent (the x of a throughput sweep).</summary>
    public int Senders { get; init; }

    /// <summary>The machine's one-minute load average when the scenario ended: how much else was running.</summary>
    public double Load { get; init; } = double.NaN;

    /// <summary>What the scenario has to say beyond the table's columns, a line each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Figures that do not fit the table's columns (storage, connections), by name, for the CSV and the charts.</summary>
    public IReadOnlyList<Figure> Figures { get; init; } = [];

    public static ScenarioResult Failed(string name, string setup, Exception error, IReadOnlyList<string> serverLog) =>
        new(name, setup, 0, double.NaN, double.NaN, "", Latency.None, Latency.None, [$"{error.GetType().Name}: {error.Message}"], serverLog);
}

/// <summary>One measured figure: what, how much, in which unit, and the target it has, if any, with whether it met it.</summary>
internal sealed record Figure(string What, double Value, string Unit, string? Target = null, bool? Met = null);
