using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Community.Tests.Support;

namespace Community.Tests.Docs;

/// <summary>
/// The README's secretariat snippets (invitations, reach, statistics, moderation, stamp packs), run as
/// written in the shell of the walkthrough, against a fresh gateway process. What the README does
/// over the hub (the broadcast, members reading, reacting, replying and reporting) the test does with
/// the official .NET client in between, as the README's reader would with theirs.
/// </summary>
public sealed partial class ReadmeSecretariatTests
{
    [Fact]
    public async Task The_secretariat_snippets_run_as_written_after_the_walkthrough()
    {
        var data = CommunityNode.NewDataPath();
        await using var gateway = await Readme.StartServerAsync(data);
        var shell = Path.Combine(data, "walkthrough.sh");
        var walkthrough = Assert.Single(Readme.ShellBlocks(ReadmeWalkthroughTests.Walkthrough, gateway.BaseAddress));
        var snippets = Readme.ShellBlocks(ReadmeWalkthroughTests.Secretariat, gateway.BaseAddress);
        Assert.Equal(2, snippets.Length);

        // The walkthrough's shell: its variables are kept for the snippets that go on from it.
        await Readme.RunBashAsync($"{walkthrough}\ndeclare -p B ADMIN HANAKO TARO TARO_ID > '{shell}'\n");
        var vars = ShellVariables(await File.ReadAllTextAsync(shell));
        string GoOn(string snippet) => $"source '{shell}'\n{snippet}";

        // 1. Invitations: fifty new codes; the list shows the walkthrough's two as used.
        var invitations = Readme.JsonValues(await Readme.RunBashAsync(GoOn(snippets[0])));
        Assert.Equal(2, invitations.Count);
        Assert.Equal(50, invitations[0].GetProperty("codes").GetArrayLength());
        var listed = invitations[1].Items();
        Assert.Equal(52, listed.Length);
        Assert.Equal(2, listed.Count(i => i.GetProperty("usedBy").ValueKind == JsonValueKind.String));
        Assert.Equal(50, listed.Count(i => i.GetProperty("note").GetString() == "autumn reunion" && i.Str("role") == "alumnus"));

        // 2. The broadcast, over the hub; Hanako reads it and reacts, Taro replies, and Hanako reports his reply.
        await using var secretariat = await HubTestClient.ConnectReadyAsync(gateway.BaseAddress, vars["ADMIN"]);
        await using var hanako = await HubTestClient.ConnectReadyAsync(gateway.BaseAddress, vars["HANAKO"]);
        await using var taro = await HubTestClient.ConnectReadyAsync(gateway.BaseAddress, vars["TARO"]);
        var post = await secretariat.SendTextAsync("broadcast", "忘年会のお知らせ: 12月20日 19時〜 @渋谷");
        var seq = post.Long("seq");
        await hanako.InvokeVoidAsync("MarkRead", "broadcast", seq);
        await hanako.InvokeVoidAsync("AddReaction", "broadcast", seq, "🎉");
        var reply = await taro.ReplyAsync("broadcast", seq, "参加します！");
        using var asHanako = Client(gateway, vars["HANAKO"]);
        await (await asHanako.PostJsonAsync("/api/reports", new { roomId = "broadcast", seq = reply.Long("seq"), reason = "宣伝のリンクがあります" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        // 3-7. Reach of the post (not of the reply), statistics, the report queue and closing the report,
        // suspending and reinstating Taro (which prints nothing), the sample stamp pack, and the audit log.
        var answers = Readme.JsonValues(await Readme.RunBashAsync(GoOn(snippets[1])));
        Assert.Equal(6, answers.Count);
        var reach = answers[0];
        Assert.Equal(3, reach.GetProperty("members").GetInt32());
        Assert.Equal(1, reach.GetProperty("reacted").GetInt32());
        // The secretariat wrote it, Hanako read it, Taro replied to it.
        Assert.Equal(3, reach.GetProperty("read").GetInt32());

        var stats = answers[1];
        Assert.Equal(3, stats.GetProperty("members").GetInt32());
        Assert.Equal(2, stats.GetProperty("messages").GetProperty("day").GetInt32());
        Assert.True(stats.GetProperty("active").GetProperty("day").GetInt32() >= 3);

        var report = Assert.Single(answers[2].Items());
        Assert.Equal("宣伝のリンクがあります", report.Str("reason"));
        Assert.Equal("参加します！", report.GetProperty("message").Str("text"));

        var resolution = answers[3].GetProperty("resolution");
        Assert.Equal(("actioned", "spoke with the author"), (resolution.Str("outcome"), resolution.Str("note")));

        var pack = answers[4];
        Assert.Equal("社内スタンプ", pack.Str("name"));
        Assert.Equal(["kanpai", "otsukare"], pack.GetProperty("stamps").EnumerateArray().Select(s => s.Str("label")).ToArray());

        var audit = answers[5];
        Assert.Equal(["stamp_pack.added", "member.unsuspended", "member.suspended", "report.resolved", "invitations.created"],
            audit.Items().Select(e => e.Str("action")).ToArray());
        Assert.All(audit.Items(), e => Assert.Equal("admin", e.Str("actorHandle")));
        Assert.Equal(JsonValueKind.Number, audit.GetProperty("nextBefore").ValueKind);

        // The suspension ended Taro's session; reinstated, he signs in again.
        using var asTaro = Client(gateway, vars["TARO"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await asTaro.GetAsync("/api/me")).StatusCode);
        using var anyone = Client(gateway, token: null);
        await (await anyone.PostJsonAsync("/api/auth/login", new { handle = "taro", password = "a-long-password" })).ReadJsonAsync();
        Directory.Delete(data, recursive: true);
    }

    private static HttpClient Client(GatewayProcess gateway, string? token)
    {
        var client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The variables bash's <c>declare -p</c> wrote, by name.</summary>
    private static Dictionary<string, string> ShellVariables(string declarations) =>
        Declaration().Matches(declarations).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [GeneratedRegex("""^declare -- (\w+)="([^"]*)"$""", RegexOptions.Multiline)]
    private static partial Regex Declaration();
}
