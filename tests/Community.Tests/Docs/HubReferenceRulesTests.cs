using Community.Grains.Messages;
using Community.Grains.Text;

namespace Community.Tests.Docs;

/// <summary>docs/hub.md names the rule of every hub argument as the server checks it.</summary>
public sealed class HubReferenceRulesTests
{
    [Fact]
    public void The_hub_reference_names_the_rule_of_each_argument_as_the_server_describes_it()
    {
        var hub = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "hub.md"));

        Assert.Contains($"| `roomId` | {ClientIds.Rule} |", hub, StringComparison.Ordinal);
        Assert.Contains($"| `clientMsgId` | {ClientIds.Rule} |", hub, StringComparison.Ordinal);
        Assert.Contains($"| `stampId` | {ClientIds.Rule} |", hub, StringComparison.Ordinal);
        Assert.Contains($"| `text` | {FieldRules.MessageText.Describe()} |", hub, StringComparison.Ordinal);
        Assert.Contains($"| `key` | {ReactionKeys.Rule} |", hub, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Community.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Community.sln) is not above the test binaries.");
    }
}
