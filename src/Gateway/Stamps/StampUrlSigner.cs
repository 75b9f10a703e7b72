using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Community.Gateway.Stamps;

/// <summary>
/// Signs stamp image URLs so that an <c>&lt;img&gt;</c>, which cannot send a bearer token, can show
/// them. A URL stays the same for an hour (so browsers cache it) and works for one to two hours.
/// Nodes behind one address share <see cref="StampOptions.UrlKey"/>; without it each node signs
/// with a key of its own, made at start-up.
/// </summary>
public sealed class StampUrlSigner
{
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public StampUrlSigner(IOptions<StampOptions> options, TimeProvider time)
    {
        _time = time;
        _key = string.IsNullOrWhiteSpace(options.Value.UrlKey)
            ? RandomNumberGenerator.GetBytes(32)
            : SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.UrlKey));
    }

    /// <summary>The image URL with <c>exp</c> (Unix seconds) and <c>sig</c> appended.</summary>
    public string Sign(string imageUrl, string stampId)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var period = (long)Period.TotalSeconds;
        var expires = (now / period + 2) * period;
        var separator = imageUrl.Contains('?') ? '&' : '?';
        return $"{imageUrl}{separator}exp={expires.ToString(CultureInfo.InvariantCulture)}&sig={Signature(stampId, expires)}";
    }

    /// <summary>True when <paramref name="signature"/> was made here for this stamp and has not expired.</summary>
    public bool IsValid(string stampId, string? expires, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var exp)) return false;
        if (exp < _time.GetUtcNow().ToUnixTimeSeconds()) return false;
        var expected = Encoding.ASCII.GetBytes(Signature(stampId, exp));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private string Signature(string stampId, long expires) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{stampId}\n{expires.ToString(CultureInfo.InvariantCulture)}")));
}
