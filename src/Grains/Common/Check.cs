using Community.Grains.Errors;
using Community.Grains.Text;

namespace Community.Grains.Common;

/// <summary>Input checks that fail with an <c>invalid</c> error naming the field.</summary>
public static class Check
{
    public static string OneOf(string? value, string field, params string[] allowed)
    {
        if (value is null || !allowed.Contains(value))
            throw CommunityException.Invalid(field, $"must be one of {string.Join(", ", allowed)}");
        return value;
    }

    /// <summary>A list of at most <see cref="Limits.ListItems"/> texts, each checked by <paramref name="rule"/> (and kept as it normalises them).</summary>
    public static IReadOnlyList<string> List(IReadOnlyList<string?>? items, string field, TextRule rule)
    {
        if (items is null) return [];
        if (items.Count > Limits.ListItems)
            throw CommunityException.Invalid(field, $"must have at most {Limits.ListItems} items");
        return items.Select((item, i) => rule.Check(item, $"{field}[{i}]")).ToArray();
    }

    /// <summary>
    /// A password: <see cref="Limits.PasswordMin"/>–<see cref="Limits.PasswordMax"/> characters of
    /// any kind. It is only ever hashed, never kept or shown, so it is taken as typed.
    /// </summary>
    public static string Password(string? password, string field)
    {
        if (string.IsNullOrEmpty(password)) throw CommunityException.Invalid(field, "is required");
        if (password.Length > Limits.PasswordMax * 2) throw CommunityException.Invalid(field, $"must be at most {Limits.PasswordMax} characters");
        var length = new System.Globalization.StringInfo(password).LengthInTextElements;
        if (length < Limits.PasswordMin) throw CommunityException.Invalid(field, $"must be at least {Limits.PasswordMin} characters");
        if (length > Limits.PasswordMax) throw CommunityException.Invalid(field, $"must be at most {Limits.PasswordMax} characters");
        return password;
    }
}
