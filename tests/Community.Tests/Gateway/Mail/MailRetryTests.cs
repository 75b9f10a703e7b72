using Community.Tests.Support;

namespace Community.Tests.Gateway.Mail;

/// <summary>The outbox keeps a mail the SMTP server could not take, and sends it once when the server is back.</summary>
public sealed class MailRetryTests
{
    [Fact]
    public async Task A_mail_queued_while_the_smtp_server_is_down_is_retried_and_delivered_once_when_it_is_back()
    {
        await using var mail = await MailNode.StartAsync(smtpUp: false).WaitAsync(TimeSpan.FromSeconds(90));
        var network = mail.Network;
        var secretariat = await network.SecretariatAsync();
        var alice = await network.JoinAsync("alice");
        await alice.SetMailAsync(new { address = "alice@example.jp" });
        long seq;
        await using (var hub = await mail.Node.ConnectAsync(secretariat))
            seq = (await hub.SendTextAsync(Steps.Broadcast, "サーバーが止まっている間のお知らせ")).Long("seq");

        var queued = await secretariat.SendBroadcastByMailAsync(seq);
        Assert.Equal(1, queued.GetProperty("queued").GetInt32());
        await Eventually.TrueAsync(async () => (await mail.OutboxAsync()).Single().GetProperty("attempts").GetInt32() >= 2,
            TimeSpan.FromSeconds(30), "two failed attempts in the outbox");
        var failing = (await mail.OutboxAsync()).Single();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, failing.GetProperty("sentAt").ValueKind);
        Assert.False(string.IsNullOrEmpty(failing.Str("lastError")));

        var smtp = await mail.StartSmtpAsync();
        var delivered = Assert.Single(await smtp.WaitForAsync("alice@example.jp"));
        Assert.Equal($"broadcast.{seq}.{alice.Id}@{MailNode.FromDomain}", delivered.MessageId);
        await Eventually.TrueAsync(async () => (await mail.OutboxAsync()).Single().GetProperty("sentAt").ValueKind != System.Text.Json.JsonValueKind.Null,
            TimeSpan.FromSeconds(30), "the mail marked sent");
        // Marked sent after the server took it: nothing is left to send it again.
        Assert.Single(smtp.MessagesTo("alice@example.jp"));
        Assert.Empty((await (await secretariat.Http.GetAsync("/api/admin/mail/outbox?pending=true")).ReadJsonAsync()).Items());
    }
}
