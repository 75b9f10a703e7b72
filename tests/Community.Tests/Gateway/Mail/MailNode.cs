using System.Net;
using System.Text.Json;
using Community.Tests.Support;
using MimeKit;

namespace Community.Tests.Gateway.Mail;

/// <summary>
/// A node that sends e-mail to a real SMTP server on loopback (or to a port where none listens yet), with the digest check
/// left to the operator's trigger and short retry delays, so that tests wait for mail rather than for time.
/// </summary>
internal sealed class MailNode : IAsyncDisposable
{
    public const string BaseUrl = "http://alumni.example.test";
    public const string FromDomain = "alumni.example.test";

    private MailNode(CommunityNode node, SmtpServer? smtp, int smtpPort)
    {
        Node = node;
        Smtp = smtp;
        SmtpPort = smtpPort;
        Network = new Network(node);
    }

    public CommunityNode Node { get; }

    public Network Network { get; }

    /// <summary>The SMTP server; null until <see cref="StartSmtpAsync"/> for a node started with it down.</summary>
    public SmtpServer? Smtp { get; private set; }

    public int SmtpPort { get; }

    /// <summary>
    /// The node and its SMTP server (or, with <paramref name="smtpUp"/> false, only a port for one). Digests at most once per
    /// <paramref name="digestPeriod"/> (a millisecond unless given), to members away for any time at all.
    /// </summary>
    public static async Task<MailNode> StartAsync(TimeSpan? digestPeriod = null, bool smtpUp = true)
    {
        var smtp = smtpUp ? await SmtpServer.StartAsync() : null;
        var port = smtp?.Port ?? FreePort.Next();
        var settings = new Dictionary<string, string?>(Steps.UnlimitedSends)
        {
            ["Community:Mail:Host"] = "127.0.0.1",
            ["Community:Mail:Port"] = port.ToString(),
            ["Community:Mail:From"] = $"Alumni Network <noreply@{FromDomain}>",
            ["Community:Mail:Security"] = "None",
            ["Community:Mail:BaseUrl"] = BaseUrl,
            ["Community:Mail:DigestPeriod"] = (digestPeriod ?? TimeSpan.FromMilliseconds(1)).ToString("c"),
            ["Community:Mail:OfflineThreshold"] = "00:00:00",
            ["Community:Mail:DigestCheckInterval"] = "1.00:00:00",
            ["Community:Mail:PollInterval"] = "00:00:00.200",
            ["Community:Mail:RetryDelay"] = "00:00:00.200",
            ["Community:Mail:RetryDelayMax"] = "00:00:01",
            ["Community:Network:Name"] = "Alumni Network",
        };
        try
        {
            return new MailNode(await CommunityNode.StartAsync(settings: settings), smtp, port);
        }
        catch
        {
            if (smtp is not null) await smtp.DisposeAsync();
            throw;
        }
    }

    /// <summary>Brings the SMTP server up on the port the node sends to.</summary>
    public async Task<SmtpServer> StartSmtpAsync() => Smtp = await SmtpServer.StartAsync(SmtpPort);

    /// <summary>The operator's digest check (<c>POST /api/admin/mail/digests/run</c>); how many digests it queued.</summary>
    public async Task<int> RunDigestsAsync() =>
        (await (await (await Network.SecretariatAsync()).Http.PostAsync("/api/admin/mail/digests/run", null)).ReadJsonAsync()).GetProperty("queued").GetInt32();

    /// <summary>The outbox as the secretariat sees it, newest first.</summary>
    public async Task<JsonElement[]> OutboxAsync() => (await (await Network.SecretariatAsync()).GetAsync("/api/admin/mail/outbox?limit=100")).Items();

    /// <summary>The plain-text body of a received mail.</summary>
    public static string TextOf(MimeMessage message) => message.TextBody ?? "";

    /// <summary>The URL of a received mail's List-Unsubscribe header.</summary>
    public static string UnsubscribeUrlOf(MimeMessage message)
    {
        var header = message.Headers["List-Unsubscribe"];
        Assert.True(header is not null && header.StartsWith('<') && header.EndsWith('>'), $"List-Unsubscribe should be one <url>, is: {header}");
        return header[1..^1];
    }

    /// <summary>The link, asked of this node (the mail names the web client's public address, which the test has not got).</summary>
    public string OnNode(string link)
    {
        Assert.StartsWith(BaseUrl + "/", link);
        return new Uri(link).PathAndQuery;
    }

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        if (Smtp is not null) await Smtp.DisposeAsync();
    }
}

/// <summary>The mail steps of a member.</summary>
internal static class MailSteps
{
    /// <summary><c>PATCH /api/me/mail</c>, which must succeed; the settings as answered.</summary>
    public static async Task<JsonElement> SetMailAsync(this TestMember member, object settings) =>
        await (await member.Http.PatchJsonAsync("/api/me/mail", settings)).ReadJsonAsync();

    /// <summary><c>POST /api/admin/broadcasts/{seq}/email</c>, which must be accepted; its answer.</summary>
    public static async Task<JsonElement> SendBroadcastByMailAsync(this TestMember secretariat, long seq) =>
        await (await secretariat.Http.PostAsync($"/api/admin/broadcasts/{seq}/email", null)).ReadJsonAsync(HttpStatusCode.Accepted);
}
