using System.Security.Cryptography;

namespace Community.Grains.Common;

/// <summary>Opaque identifiers: a prefix that says what the id names, then random characters.</summary>
public static class Ids
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string NewMemberId() => "m_" + Random(16);

    public static string NewRoomId() => "r_" + Random(16);

    public static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
