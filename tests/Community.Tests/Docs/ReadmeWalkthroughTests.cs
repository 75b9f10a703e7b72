using Community.Tests.Support;

namespace Community.Tests.Docs;

/// <summary>The README's "Try it by hand" walkthrough, run as written (bash, curl, jq) against a fresh gateway process.</summary>
public sealed class ReadmeWalkthroughTests
{
    public const string Walkthrough = "## Try it by hand";
    public const string Secretariat = "## Running the network: the secretariat's workflow";

    [Fact]
    public async Task The_walkthrough_runs_as_written_from_sign_in_to_the_dm_and_the_room()
    {
        var data = CommunityNode.NewDataPath();
        await using var gateway = await Readme.StartServerAsync(data);
        var script = Assert.Single(Readme.ShellBlocks(Walkthrough, gateway.BaseAddress));

        var output = await Readme.RunBashAsync(script + "\necho \"TARO_ID=$TARO_ID\"\n");

        var at = output.LastIndexOf("TARO_ID=", StringComparison.Ordinal);
        Assert.StartsWith("TARO_ID=m_", output[at..]);
        var answers = Readme.JsonValues(output[..at]);
        Assert.Equal(3, answers.Count);
        Assert.Equal(2, answers[0].GetProperty("codes").GetArrayLength());
        Assert.Equal("dm", answers[1].GetProperty("kind").GetString());
        Assert.Equal("Former sales team", answers[2].GetProperty("name").GetString());
        Directory.Delete(data, recursive: true);
    }

    /// <summary>The snippets that call the server are in the sections the README's tests run, block by block.</summary>
    [Fact]
    public void Every_shell_snippet_that_calls_the_server_is_in_a_section_a_test_runs()
    {
        var calling = Readme.ShellBlocks().Where(b => b.Block.Contains("curl", StringComparison.Ordinal) || b.Block.Contains("$B", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(calling);
        Assert.All(calling, b => Assert.Contains(b.Section, new[] { Walkthrough, Secretariat }));
        Assert.Single(calling, b => b.Section == Walkthrough);
        Assert.Equal(2, calling.Count(b => b.Section == Secretariat));
    }
}
