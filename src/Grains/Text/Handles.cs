using System.Text;
using Community.Grains.Common;
using Community.Grains.Errors;

namespace Community.Grains.Text;

/// <summary>
/// Handles: a member's identity in mentions and the directory, so two may never look alike.
/// What a person types is taken through NFKC (full-width ｈａｎａｋｏ is hanako) and lower case,
/// then must be 3–32 of a–z 0–9 _ . - with no space or line break anywhere; uniqueness is by
/// <see cref="KeyOf"/>, which also folds look-alikes.
/// </summary>
public static class Handles
{
    public const string Rule = "text rule `handle` (3–32 of a–z 0–9 _ . -, NFKC and lower-cased; unique among members by its look-alike key)";

    public static string Check(string? handle, string field = "handle")
    {
        if (string.IsNullOrEmpty(handle)) throw CommunityException.Invalid(field, "is required");
        if (handle.Length > Limits.HandleMax * 4) throw OutsideRules(field);
        if (Characters.FirstRefused(handle, multiLine: false, bidiControls: false) is { } refused) throw CommunityException.Invalid(field, refused);
        var folded = handle.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        foreach (var rune in folded.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune)) throw CommunityException.Invalid(field, "must not contain spaces or line breaks");
            if (rune.IsAscii && IsAllowed((char)rune.Value)) continue;
            var lookAlike = Confusables.Skeleton(rune.ToString());
            throw lookAlike.Length == 1 && IsAllowed(lookAlike[0])
                ? CommunityException.Invalid(field, $"{Characters.Name(rune.Value)} looks like '{lookAlike}' but is not one: handles are a–z 0–9 _ . -")
                : OutsideRules(field);
        }
        if (folded.Length is < Limits.HandleMin or > Limits.HandleMax) throw OutsideRules(field);
        return folded;
    }

    /// <summary>
    /// What two handles must not share: the handle with look-alikes folded together (see
    /// <see cref="Confusables"/>), so <c>lknl</c>, <c>1knl</c> and <c>lkn1</c> are one.
    /// </summary>
    public static string KeyOf(string handle) => Confusables.Skeleton(handle);

    private static bool IsAllowed(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '.' or '-';

    private static CommunityException OutsideRules(string field) =>
        CommunityException.Invalid(field, $"must be {Limits.HandleMin}-{Limits.HandleMax} characters of a-z, 0-9, _ . -");
}
