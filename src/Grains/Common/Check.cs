using Community.Grains.Errors;

namespace Community.Grains.Common;

/// <summary>Input checks that fail with an <c>invalid</c> error naming the field.</summary>
public static class Check
{
    public static string Length(string? value, string field, int min, int max)
    {
        var length = value is null ? 0 : new System.Globalization.StringInfo(value).LengthInTextElements;
        if (value is null || length < min)
            throw CommunityException.Invalid(field, min <= 1 ? "is required" : $"must be at least {min} characters");
        if (length > max)
            throw CommunityException.Invalid(field, $"must be at most {max} characters");
        return value;
    }

    public static string? OptionalLength(string? value, string field, int max) =>
        value is null ? null : Length(value, field, 0, max);

    public static string OneOf(string? value, string field, params string[] allowed)
    {
        if (value is null || !allowed.Contains(value))
            throw CommunityException.Invalid(field, $"must be one of {string.Join(", ", allowed)}");
        return value;
    }

    public static IReadOnlyList<string> List(IReadOnlyList<string>? items, string field)
    {
        if (items is null) return [];
        if (items.Count > Limits.ListItems)
            throw CommunityException.Invalid(field, $"must have at most {Limits.ListItems} items");
        foreach (var item in items) Length(item, field, 1, Limits.ListItemMax);
        return items.ToArray();
    }
}
