using Community.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{e.Message}\n{BenchOptions.Usage}");
    return 2;
}

// Each scenario picks its store; the tests' store switch must not move the SQLite ones.
Environment.SetEnvironmentVariable("COMMUNITY_TEST_STORE", null);
Console.Write(Report.Header(options));
var results = new List<ScenarioResult>();
foreach (var name in options.Scenarios)
{
    Console.WriteLine($"running {name}...");
    results.Add(await Scenario.RunAsync(name, options));
}

Console.WriteLine();
Console.Write(Report.Table(results));
Console.WriteLine();
Console.Write(Report.Ratios(results));
Console.WriteLine();
Console.Write(Report.Notes(results));
Console.WriteLine();
Console.Write(Report.Problems(results));
return results.All(r => r.Ok) ? 0 : 1;
