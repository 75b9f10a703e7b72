using System.Globalization;

namespace Community.Bench;

/// <summary>The command line (<see cref="Usage"/>); <c>--smoke</c> first sets every count tiny, and the options after it still apply.</summary>
internal sealed record BenchOptions(int Senders, int Messages, int Receivers, IReadOnlyList<string> Scenarios)
{
    /// <summary>How long the steady scenarios offer messages at each rate.</summary>
    public int Seconds { get; init; } = 20;

    /// <summary>The steady scenarios' one offered rate in messages per second; 50% and 80% of the measured peak when not given.</summary>
    public double? Rate { get; init; }

    /// <summary>Closed-loop rounds per server where a scenario runs the product and bare SignalR alternately.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>The sender counts of the throughput sweep.</summary>
    public IReadOnlyList<int> Sweep { get; init; } = [1, 2, 4, 8, 16];

    /// <summary>Idle hub connections to one node (capped by the file-descriptor limit); the target is 20,000, the default what the presence fan-out lets run in a few minutes.</summary>
    public int Connections { get; init; } = 1_000;

    /// <summary>The secretariat scenario's members, and how many of them are connected.</summary>
    public int Members { get; init; } = 5_000;

    public int Connected { get; init; } = 2_000;

    /// <summary>Messages appended straight through the message store at each batch size.</summary>
    public int Appends { get; init; } = 20_000;

    /// <summary>Messages in the room whose history is paged.</summary>
    public int History { get; init; } = 1_000_000;

    /// <summary>Where the CSV files and charts go; a new folder under bench/results when not given.</summary>
    public string? ResultsFolder { get; init; }

    public bool Smoke { get; init; }

    public const string Usage =
        "usage: dotnet run -c Release --project bench/Community.Bench -- [--scenario name[,name...]|all] [--smoke] [--senders N] [--messages N] [--receivers N] [--rounds N]\n" +
        "       [--seconds N] [--rate N] [--sweep 1,2,4,8,16] [--connections N] [--members N] [--connected N] [--appends N] [--history N] [--results DIR]";

    /// <summary>Messages each sender sends (round trips, for the DM pair) in one round of warm-up (<see cref="JitSettling"/>): JIT, grain activation, first-post bookkeeping.</summary>
    public const int WarmupMessages = 20;

    private static readonly BenchOptions Defaults = new(Senders: 10, Messages: 200, Receivers: 20, Scenarios: Scenario.Names);

    /// <summary>Every scenario once at tiny counts: that the benchmark still runs, not how fast.</summary>
    private static readonly BenchOptions SmokeDefaults = new(Senders: 2, Messages: 10, Receivers: 3, Scenarios: Scenario.Names)
    {
        Seconds = 1, Rounds = 1, Sweep = [1, 2], Connections = 50, Members = 60, Connected = 20, Appends = 256, History = 2_000, Smoke = true,
    };

    public static BenchOptions Parse(string[] args)
    {
        var options = args.Contains("--smoke") ? SmokeDefaults : Defaults;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--smoke") continue;
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--senders" => options with { Senders = Count(args[i], value) },
                "--messages" => options with { Messages = Count(args[i], value) },
                "--receivers" => options with { Receivers = Count(args[i], value) },
                "--seconds" => options with { Seconds = Count(args[i], value) },
                "--rate" => options with { Rate = Count(args[i], value) },
                "--rounds" => options with { Rounds = Count(args[i], value) },
                "--sweep" => options with { Sweep = value.Split(',').Select(v => Count(args[i], v)).Distinct().Order().ToArray() },
                "--connections" => options with { Connections = Count(args[i], value) },
                "--members" => options with { Members = Count(args[i], value) },
                "--connected" => options with { Connected = Count(args[i], value) },
                "--appends" => options with { Appends = Count(args[i], value) },
                "--history" => options with { History = Count(args[i], value) },
                "--results" => options with { ResultsFolder = value },
                "--scenario" when value == "all" => options with { Scenarios = Scenario.Names },
                "--scenario" when value.Split(',').All(Scenario.Names.Contains) => options with { Scenarios = value.Split(',') },
                "--scenario" => throw new ArgumentException($"no scenario '{value}'; one or more (a,b) of: {string.Join(", ", Scenario.Names)}, or all"),
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }
        if (options.Connected > options.Members) throw new ArgumentException("--connected cannot be more than --members");
        return options;
    }

    private static int Count(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} takes a positive whole number, not '{value}'");
}
