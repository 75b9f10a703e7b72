using System.Security.Cryptography;
using System.Text;
using Community.Grains.Mail;
using Community.Grains.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Community.Silo.Mail;

/// <summary>
/// One-click unsubscribe links: a token naming a member and a kind of e-mail, signed with the network's link key (kept in
/// the database, so every node signs and checks alike, and links in old e-mails keep working across restarts).
/// </summary>
public sealed class UnsubscribeLinks(IMailOutboxStore outbox, IOptions<MailOptions> options)
{
    public const string Path = "/api/mail/unsubscribe";

    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _key;

    /// <summary>The link that turns <paramref name="kind"/> e-mail off for the member.</summary>
    public async Task<string> LinkAsync(string memberId, string kind) =>
        options.Value.Link($"{Path}?token={Uri.EscapeDataString(await TokenAsync(memberId, kind))}");

    public async Task<string> TokenAsync(string memberId, string kind) => $"{memberId}.{kind}.{Sign(await KeyAsync(), memberId, kind)}";

    /// <summary>The member and kind of a token signed here, or null.</summary>
    public async Task<(string MemberId, string Kind)?> ReadAsync(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || parts[0].Length is 0 or > 64 || !MailKinds.IsKnown(parts[1])) return null;
        var expected = Encoding.ASCII.GetBytes(Sign(await KeyAsync(), parts[0], parts[1]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])) ? (parts[0], parts[1]) : null;
    }

    private static string Sign(byte[] key, string memberId, string kind) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"unsubscribe\n{memberId}\n{kind}")));

    private async Task<byte[]> KeyAsync()
    {
        if (_key is { } key) return key;
        await _loading.WaitAsync();
        try
        {
            return _key ??= SHA256.HashData(Encoding.UTF8.GetBytes(await outbox.LinkKeyAsync()));
        }
        finally
        {
            _loading.Release();
        }
    }
}
