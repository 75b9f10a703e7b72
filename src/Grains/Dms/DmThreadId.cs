using System.Security.Cryptography;
using System.Text;

namespace Community.Grains.Dms;

/// <summary>The id of the DM thread between two members: the same pair always gets the same id.</summary>
public static class DmThreadId
{
    public const string Prefix = "d_";

    public static string For(string memberA, string memberB)
    {
        var (first, second) = string.CompareOrdinal(memberA, memberB) <= 0 ? (memberA, memberB) : (memberB, memberA);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{first}\n{second}"));
        return Prefix + Convert.ToHexStringLower(hash)[..24];
    }

    public static bool IsDm(string roomId) => roomId.StartsWith(Prefix, StringComparison.Ordinal);
}
