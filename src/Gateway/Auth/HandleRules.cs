using System.Text.RegularExpressions;
using Community.Grains.Common;
using Community.Grains.Errors;

namespace Community.Gateway.Auth;

internal static partial class HandleRules
{
    public static string Check(string? handle)
    {
        if (string.IsNullOrEmpty(handle)) throw CommunityException.Invalid("handle", "is required");
        if (handle.Length < Limits.HandleMin || handle.Length > Limits.HandleMax || !Allowed().IsMatch(handle))
            throw CommunityException.Invalid("handle", $"must be {Limits.HandleMin}-{Limits.HandleMax} characters of a-z, 0-9, _ . -");
        return handle;
    }

    [GeneratedRegex("^[a-z0-9_.-]+$")]
    private static partial Regex Allowed();
}
