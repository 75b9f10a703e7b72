using System.Net;
using Community.Tests.Support;

namespace Community.Tests.Gateway.Mail;

/// <summary>Digests of unread DMs and mentions, sent to a real SMTP server, through the hub and REST on the test's store.</summary>
public sealed class DigestMailTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_digest_arrives_once_with_who_where_and_the_first_lines_and_its_unsubscribe_link_stops_further_digests()
    {
        await using var mail = await MailNode.StartAsync().WaitAsync(StartTimeout);
        var network = mail.Network;
        var alice = await network.JoinAsync("alice", "Alice Sato");
        var bob = await network.JoinAsync("bob", "山田 太郎");
        var carol = await network.JoinAsync("carol", "Carol Ito");
        var dave = await network.JoinAsync("dave", "Dave");
        await alice.SetMailAsync(new { address = "alice@example.jp" });
        await dave.SetMailAsync(new { address = "dave@example.jp" });
        var dm = (await bob.OpenDmAsync(alice.Id)).Str("id");
        var room = (await carol.CreateRoomAsync("ランチ部")).Str("id");
        await alice.JoinRoomAsync(room);
        await using (var bobHub = await mail.Node.ConnectAsync(bob))
        await using (var carolHub = await mail.Node.ConnectAsync(carol))
        {
            await bobHub.SendTextAsync(dm, "お昼どうですか?\n来週の金曜日は空いていますか\n三行目はメールに出ない");
            await carolHub.SendTextAsync(room, "@alice 議事録を見てください");
            await carolHub.SendTextAsync(room, "this one does not mention anyone");
        }

        Assert.Equal(1, await mail.RunDigestsAsync());
        Assert.Equal(0, await mail.RunDigestsAsync());

        var digest = Assert.Single(await mail.Smtp!.WaitForAsync("alice@example.jp"));
        Assert.Contains("未読のメッセージが2件", digest.Subject);
        Assert.Contains("2 unread messages", digest.Subject);
        Assert.Equal($"digest.{alice.Id}.0@{MailNode.FromDomain}", digest.MessageId);
        var body = MailNode.TextOf(digest);
        Assert.Contains("■ 山田 太郎 — ダイレクトメッセージ", body);
        Assert.Contains("お昼どうですか? / 来週の金曜日は空いていますか…", body);
        Assert.DoesNotContain("三行目", body);
        Assert.Contains("■ Carol Ito — 「ランチ部」でメンション", body);
        Assert.Contains("@alice 議事録を見てください", body);
        Assert.DoesNotContain("does not mention", body);
        Assert.Contains($"{MailNode.BaseUrl}/rooms/{dm}", body);
        Assert.Contains($"{MailNode.BaseUrl}/rooms/{room}", body);
        Assert.Contains("mentioned you in \"ランチ部\"", body);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = MailNode.UnsubscribeUrlOf(digest);
        Assert.Contains(unsubscribe, body);

        var page = await mail.Node.Anonymous.GetAsync(mail.OnNode(unsubscribe));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.False((await alice.GetAsync("/api/me/mail")).GetProperty("digests").GetBoolean());

        // Alice is written to again, and so is Dave: only Dave, who still wants digests, gets one.
        var daveDm = (await bob.OpenDmAsync(dave.Id)).Str("id");
        await using (var bobHub = await mail.Node.ConnectAsync(bob))
        {
            await bobHub.SendTextAsync(dm, "まだ見ていませんか?");
            await bobHub.SendTextAsync(daveDm, "Dave, lunch on Friday?");
        }
        Assert.Equal(1, await mail.RunDigestsAsync());
        var daveDigest = Assert.Single(await mail.Smtp.WaitForAsync("dave@example.jp"));
        Assert.Contains("Dave, lunch on Friday?", MailNode.TextOf(daveDigest));
        Assert.Single(mail.Smtp.MessagesTo("alice@example.jp"));
        Assert.Single(await mail.OutboxAsync(), m => m.Str("memberId") == alice.Id);
    }

    [Fact]
    public async Task A_member_who_turned_digests_off_or_is_online_gets_no_digest()
    {
        await using var mail = await MailNode.StartAsync().WaitAsync(StartTimeout);
        var network = mail.Network;
        var alice = await network.JoinAsync("alice");
        var erin = await network.JoinAsync("erin");
        var dave = await network.JoinAsync("dave");
        var bob = await network.JoinAsync("bob");
        var off = await alice.SetMailAsync(new { address = "alice@example.jp", digests = false });
        Assert.False(off.GetProperty("digests").GetBoolean());
        await erin.SetMailAsync(new { address = "erin@example.jp" });
        await dave.SetMailAsync(new { address = "dave@example.jp" });
        await using var erinHub = await mail.Node.ConnectAsync(erin);
        await using (var bobHub = await mail.Node.ConnectAsync(bob))
        {
            foreach (var member in new[] { alice, erin, dave })
                await bobHub.SendTextAsync((await bob.OpenDmAsync(member.Id)).Str("id"), $"hello {member.Handle}");
        }

        Assert.Equal(1, await mail.RunDigestsAsync());

        await mail.Smtp!.WaitForAsync("dave@example.jp");
        Assert.Empty(mail.Smtp.MessagesTo("alice@example.jp"));
        Assert.Empty(mail.Smtp.MessagesTo("erin@example.jp"));
        Assert.Equal([dave.Id], (await mail.OutboxAsync()).Select(m => m.Str("memberId")).ToArray());
    }

    [Fact]
    public async Task A_second_digest_waits_for_the_digest_period_however_much_more_comes_in()
    {
        await using var mail = await MailNode.StartAsync(digestPeriod: TimeSpan.FromDays(1)).WaitAsync(StartTimeout);
        var network = mail.Network;
        var alice = await network.JoinAsync("alice");
        var bob = await network.JoinAsync("bob");
        await alice.SetMailAsync(new { address = "alice@example.jp", language = "en" });
        var dm = (await bob.OpenDmAsync(alice.Id)).Str("id");
        await using var bobHub = await mail.Node.ConnectAsync(bob);
        await bobHub.SendTextAsync(dm, "first news");

        Assert.Equal(1, await mail.RunDigestsAsync());
        var digest = Assert.Single(await mail.Smtp!.WaitForAsync("alice@example.jp"));
        Assert.Equal("[Alumni Network] You have 1 unread message", digest.Subject);
        Assert.DoesNotContain("ダイレクトメッセージ", MailNode.TextOf(digest));

        await bobHub.SendTextAsync(dm, "more news");
        Assert.Equal(0, await mail.RunDigestsAsync());
        Assert.Single(await mail.OutboxAsync());
    }
}
