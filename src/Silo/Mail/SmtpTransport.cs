using Community.Grains.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Community.Silo.Mail;

/// <summary>Hands outbox mails to the SMTP server of <see cref="MailOptions"/>, over one connection per batch.</summary>
internal sealed class SmtpTransport(MailOptions options, TimeProvider time) : IAsyncDisposable
{
    private readonly SmtpClient _client = new() { Timeout = (int)options.Timeout.TotalMilliseconds };

    public bool IsConnected => _client.IsConnected;

    public async Task SendAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            await _client.ConnectAsync(options.Host!, options.Port, Security(options.Security), cancellationToken);
            if (!string.IsNullOrEmpty(options.User)) await _client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
        }
        await _client.SendAsync(Message(mail), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(quit: true);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // The mails are sent (or marked failed) already; a QUIT that does not go through changes nothing.
        }
        _client.Dispose();
    }

    /// <summary>
    /// The MIME message: plain text in UTF-8, its Message-ID made of the outbox key (so a mail sent again after a node died
    /// mid-send is the same message to the receiving side), and RFC 8058 one-click unsubscribe headers.
    /// </summary>
    private MimeMessage Message(OutboxMail mail)
    {
        var from = MailboxAddress.Parse(options.From!);
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Date = time.GetUtcNow(),
            MessageId = $"{mail.Key.Replace(':', '.')}@{from.Domain}",
            Body = new TextPart("plain") { Text = mail.Body },
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.Recipient));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (mail.UnsubscribeUrl is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    private static SecureSocketOptions Security(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
