namespace Community.Silo.Mail;

/// <summary>
/// <c>Community:Mail:*</c>: the SMTP server e-mail goes through, and when digests go out. Without <see cref="Host"/> mail is
/// off: addresses and settings are still kept, nothing is queued or sent.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Community:Mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>The sender, <c>noreply@example.jp</c> or <c>Alumni Network &lt;noreply@example.jp&gt;</c>.</summary>
    public string? From { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.Auto;

    /// <summary>Signs in to the SMTP server when set.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Where members open the web client (<c>https://alumni.example.jp</c>): links in e-mails start with it.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>A member gets at most one digest in this time.</summary>
    public TimeSpan DigestPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a member has been away (no connection, no request) before a digest tells them what they missed.</summary>
    public TimeSpan OfflineThreshold { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often each node looks for members due a digest.</summary>
    public TimeSpan DigestCheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often each node looks for mail due in the outbox (besides right after it queued some).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after a first failed attempt; it doubles with each further one, up to <see cref="RetryDelayMax"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryDelayMax { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a node holds the mails it took to send before another node may take them.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one exchange with the SMTP server may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The network's name in subjects (from <c>Community:Network:Name</c>).</summary>
    public string NetworkName { get; set; } = "Community";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Why the settings cannot work, or null.</summary>
    public string? Problem()
    {
        if (!Enabled) return null;
        if (Port is < 1 or > 65535) return $"{Section}:Port must be 1-65535";
        if (string.IsNullOrWhiteSpace(From) || !MimeKit.MailboxAddress.TryParse(From, out _)) return $"{Section}:From must be an e-mail address when {Section}:Host is set";
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            return $"{Section}:BaseUrl must be the web client's http(s) address when {Section}:Host is set";
        if (DigestPeriod <= TimeSpan.Zero || OfflineThreshold < TimeSpan.Zero || DigestCheckInterval <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero
            || RetryDelay <= TimeSpan.Zero || RetryDelayMax < RetryDelay || Lease <= Timeout || Timeout <= TimeSpan.Zero)
            return $"{Section}: periods must be positive (OfflineThreshold may be 0), RetryDelayMax at least RetryDelay, Lease longer than Timeout";
        return null;
    }

    /// <summary>A path of the web client as an absolute link.</summary>
    public string Link(string path) => BaseUrl!.TrimEnd('/') + path;
}
