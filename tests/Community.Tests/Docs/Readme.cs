using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Community.Tests.Support;

namespace Community.Tests.Docs;

/// <summary>The README's shell snippets, and running them as a reader would: bash, curl and jq, in the repository's folder.</summary>
internal static partial class Readme
{
    /// <summary>The server address the README's snippets use.</summary>
    private const string ReadmeServer = "http://127.0.0.1:5080";

    /// <summary>The <c>```sh</c> blocks of every section, each with the heading of its section (<c>## …</c>).</summary>
    public static IReadOnlyList<(string Section, string Block)> ShellBlocks()
    {
        var blocks = new List<(string, string)>();
        foreach (var section in SectionStart().Split(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"))))
        {
            var heading = section.Split('\n', 2)[0].Trim();
            foreach (Match block in ShellBlock().Matches(section)) blocks.Add((heading, block.Groups[1].Value));
        }
        return blocks;
    }

    /// <summary>The <c>```sh</c> blocks of one section, in order, addressed to <paramref name="server"/>.</summary>
    public static string[] ShellBlocks(string heading, Uri server) =>
        ShellBlocks().Where(b => b.Section == heading)
            .Select(b => b.Block.Replace(ReadmeServer, server.ToString().TrimEnd('/'), StringComparison.Ordinal))
            .ToArray();

    /// <summary>Runs a script in bash, in the repository's folder; fails the test when bash does. What it printed.</summary>
    public static async Task<string> RunBashAsync(string script)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var bash = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        await bash.StandardInput.WriteAsync("set -euo pipefail\n" + script);
        bash.StandardInput.Close();
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(bash.ExitCode == 0, $"the snippet failed with {bash.ExitCode}: {await stderr}\n{await stdout}");
        return await stdout.WaitAsync(TimeSpan.FromSeconds(5));
    }

    /// <summary>The JSON answers a snippet printed, one after another (curl adds no line breaks).</summary>
    public static List<JsonElement> JsonValues(string text)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = true });
        var values = new List<JsonElement>();
        while (reader.Read()) values.Add(JsonElement.ParseValue(ref reader));
        return values;
    }

    /// <summary>A gateway process as the README's run command starts it: a fresh SQLite database and the bootstrap secretariat account.</summary>
    public static Task<GatewayProcess> StartServerAsync(string dataPath) =>
        GatewayProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Community:DataPath"] = dataPath,
            ["Community:Bootstrap:Handle"] = "admin",
            ["Community:Bootstrap:Password"] = "change-me-please",
        });

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Community.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository from " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^(?=## )", RegexOptions.Multiline)]
    private static partial Regex SectionStart();

    [GeneratedRegex(@"^```sh\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
