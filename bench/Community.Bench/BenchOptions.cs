using System.Globalization;

namespace Community.Bench;

/// <summary>The command line: <c>[--senders N] [--messages N] [--receivers N] [--seconds N] [--rate N] [--scenario name|all]</c>.</summary>
internal sealed record BenchOptions(int Senders, int Messages, int Receivers, IReadOnlyList<string> Scenarios)
{
    /// <summary>How long the steady scenarios offer messages.</summary>
    public int Seconds { get; init; } = 60;

    /// <summary>The steady scenarios' offered rate in messages per second; half of the measured peak when not given.</summary>
    public double? Rate { get; init; }

    public const string Usage =
        "usage: dotnet run -c Release --project bench/Community.Bench -- [--senders N] [--messages N] [--receivers N] [--seconds N] [--rate N] [--scenario name|all]";

    /// <summary>Messages each sender sends (round trips, for the DM pair) in one round of warm-up (<see cref="JitSettling"/>): JIT, grain activation, first-post bookkeeping.</summary>
    public const int WarmupMessages = 20;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(Senders: 10, Messages: 200, Receivers: 20, Scenarios: Scenario.Names);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--senders" => options with { Senders = Count(args[i], value) },
                "--messages" => options with { Messages = Count(args[i], value) },
                "--receivers" => options with { Receivers = Count(args[i], value) },
                "--seconds" => options with { Seconds = Count(args[i], value) },
                "--rate" => options with { Rate = Count(args[i], value) },
                "--scenario" when value == "all" => options with { Scenarios = Scenario.Names },
                "--scenario" when Scenario.Names.Contains(value) => options with { Scenarios = [value] },
                "--scenario" => throw new ArgumentException($"no scenario '{value}'; one of: {string.Join(", ", Scenario.Names)}, all"),
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }
        return options;
    }

    private static int Count(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} takes a positive whole number, not '{value}'");
}
