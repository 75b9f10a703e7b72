using Community.Bench;
using Community.Bench.Fleet;
using Community.Bench.NodeChild;

// The child process of a scenario that holds many hub connections.
if (args is [ConnectionFleet.Switch, .. var fleet]) return await FleetChild.RunAsync(fleet);
// The child process of a scenario whose node runs in a process of its own.
if (args is [NodeProcess.Switch, .. var node]) return await NodeChildProgram.RunAsync(node);

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
    results.AddRange(await Scenario.RunAsync(name, options));
}

var folder = ResultsFolder.Create(options);
var written = ResultsFolder.Write(folder, results);

foreach (var part in new[] { Report.Table(results), Report.AgainstBare(results), Report.Between(results), Report.Figures(results), Report.Notes(results), Report.Problems(results) })
{
    if (part.Length == 0) continue;
    Console.WriteLine();
    Console.Write(part);
}
Console.WriteLine();
Console.WriteLine($"Figures as CSV and charts in {folder}: {string.Join(", ", written.Select(Path.GetFileName))}");
return results.All(r => r.Ok) ? 0 : 1;
