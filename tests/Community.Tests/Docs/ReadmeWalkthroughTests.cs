using System.Diagnostics;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Docs;

/// <summary>The README's "Try it by hand" walkthrough, run as written (bash, curl, jq) against a fresh gateway process.</summary>
public sealed class ReadmeWalkthroughTests
{
    [Fact]
    public async Task The_walkthrough_runs_as_written_from_sign_in_to_the_dm_and_the_room()
    {
        var data = CommunityNode.NewDataPath();
        await using var gateway = await GatewayProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Community:DataPath"] = data,
            ["Community:Bootstrap:Handle"] = "admin",
            ["Community:Bootstrap:Password"] = "change-me-please",
        });
        var script = ReadmeShellBlock("## Try it by hand")
            .Replace("http://127.0.0.1:5080", gateway.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal);

        var output = await RunBashAsync("set -euo pipefail\n" + script + "\necho \"TARO_ID=$TARO_ID\"\n");

        var at = output.LastIndexOf("TARO_ID=", StringComparison.Ordinal);
        Assert.StartsWith("TARO_ID=m_", output[at..]);
        var answers = JsonValues(output[..at]);
        Assert.Equal(3, answers.Count);
        Assert.Equal(2, answers[0].GetProperty("codes").GetArrayLength());
        Assert.Equal("dm", answers[1].GetProperty("kind").GetString());
        Assert.Equal("Former sales team", answers[2].GetProperty("name").GetString());
        Directory.Delete(data, recursive: true);
    }

    /// <summary>The JSON answers the walkthrough printed, one after another (curl adds no line breaks).</summary>
    private static List<JsonElement> JsonValues(string text)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = true });
        var values = new List<JsonElement>();
        while (reader.Read()) values.Add(JsonElement.ParseValue(ref reader));
        return values;
    }

    private static string ReadmeShellBlock(string heading)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var section = readme[(readme.IndexOf(heading, StringComparison.Ordinal) + heading.Length)..];
        var start = section.IndexOf("```sh\n", StringComparison.Ordinal) + "```sh\n".Length;
        return section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static async Task<string> RunBashAsync(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var bash = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(bash.ExitCode == 0, $"the walkthrough failed with {bash.ExitCode}: {await stderr}\n{await stdout}");
        return await stdout.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Community.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository from " + AppContext.BaseDirectory);
    }
}
