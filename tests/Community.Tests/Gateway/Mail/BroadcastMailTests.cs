using System.Net;
using Community.Tests.Support;

namespace Community.Tests.Gateway.Mail;

/// <summary>The secretariat's broadcasts by e-mail, through the outbox to a real SMTP server.</summary>
public sealed class BroadcastMailTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_broadcast_by_email_reaches_each_member_with_an_address_once_in_their_language()
    {
        await using var mail = await MailNode.StartAsync().WaitAsync(StartTimeout);
        var network = mail.Network;
        var secretariat = await network.SecretariatAsync();
        var alice = await network.JoinAsync("alice");
        var dave = await network.JoinAsync("dave");
        var bob = await network.JoinAsync("bob");
        await network.JoinAsync("carol");
        await alice.SetMailAsync(new { address = "alice@example.jp", language = "ja" });
        await dave.SetMailAsync(new { address = "dave@example.jp", language = "en" });
        await bob.SetMailAsync(new { address = "bob@example.jp", broadcastMail = false });
        long seq;
        await using (var hub = await mail.Node.ConnectAsync(secretariat))
            seq = (await hub.SendTextAsync(Steps.Broadcast, "12月の同窓会のお知らせ\n日時: 12月20日 18:00")).Long("seq");

        var first = await secretariat.SendBroadcastByMailAsync(seq);
        Assert.Equal(2, first.GetProperty("recipients").GetInt32());
        Assert.Equal(2, first.GetProperty("queued").GetInt32());
        var again = await secretariat.SendBroadcastByMailAsync(seq);
        Assert.Equal(0, again.GetProperty("queued").GetInt32());

        var toAlice = Assert.Single(await mail.Smtp!.WaitForAsync("alice@example.jp"));
        var toDave = Assert.Single(await mail.Smtp.WaitForAsync("dave@example.jp"));
        Assert.Equal("[Alumni Network] お知らせ: 12月の同窓会のお知らせ", toAlice.Subject);
        Assert.Equal("[Alumni Network] Announcement: 12月の同窓会のお知らせ", toDave.Subject);
        Assert.Contains("日時: 12月20日 18:00", MailNode.TextOf(toAlice));
        Assert.Contains($"{MailNode.BaseUrl}/rooms/broadcast", MailNode.TextOf(toDave));
        Assert.Equal($"broadcast.{seq}.{alice.Id}@{MailNode.FromDomain}", toAlice.MessageId);
        Assert.Empty(mail.Smtp.MessagesTo("bob@example.jp"));
        Assert.Equal(2, (await mail.OutboxAsync()).Length);

        // RFC 8058: the mail client posts to the List-Unsubscribe link, and Dave gets no more broadcasts by e-mail.
        var oneClick = await mail.Node.Anonymous.PostAsync(mail.OnNode(MailNode.UnsubscribeUrlOf(toDave)),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.NoContent, oneClick.StatusCode);
        var settings = await dave.GetAsync("/api/me/mail");
        Assert.False(settings.GetProperty("broadcastMail").GetBoolean());
        Assert.True(settings.GetProperty("digests").GetBoolean());
        long next;
        await using (var hub = await mail.Node.ConnectAsync(secretariat))
            next = (await hub.SendTextAsync(Steps.Broadcast, "求人のお知らせ")).Long("seq");
        Assert.Equal(1, (await secretariat.SendBroadcastByMailAsync(next)).GetProperty("recipients").GetInt32());
        Assert.Equal(2, (await mail.Smtp.WaitForAsync("alice@example.jp", count: 2)).Count);
        Assert.Single(mail.Smtp.MessagesTo("dave@example.jp"));
    }

    [Fact]
    public async Task Only_the_secretariat_sends_a_broadcast_by_email_and_only_a_broadcast_that_exists()
    {
        await using var mail = await MailNode.StartAsync().WaitAsync(StartTimeout);
        var network = mail.Network;
        var secretariat = await network.SecretariatAsync();
        var alice = await network.JoinAsync("alice");
        await alice.SetMailAsync(new { address = "alice@example.jp" });
        long seq, reply;
        await using (var hub = await mail.Node.ConnectAsync(secretariat))
            seq = (await hub.SendTextAsync(Steps.Broadcast, "お知らせ")).Long("seq");
        await using (var hub = await mail.Node.ConnectAsync(alice))
            reply = (await hub.ReplyAsync(Steps.Broadcast, seq, "ありがとうございます")).Long("seq");

        await (await alice.Http.PostAsync($"/api/admin/broadcasts/{seq}/email", null)).AssertForbiddenAsync();
        await (await secretariat.Http.PostAsync($"/api/admin/broadcasts/{reply}/email", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await secretariat.Http.PostAsync("/api/admin/broadcasts/999/email", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await secretariat.Http.PostAsync("/api/admin/broadcasts/0/email", null)).AssertInvalidAsync("seq");
        await (await alice.Http.PostAsync("/api/admin/mail/digests/run", null)).AssertForbiddenAsync();
        await (await alice.Http.GetAsync("/api/admin/mail/outbox")).AssertForbiddenAsync();
        Assert.Empty(await mail.OutboxAsync());
    }
}
