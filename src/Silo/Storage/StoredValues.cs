using System.Text;
using System.Text.Json;

namespace Community.Silo.Storage;

/// <summary>How values are written into columns: times as Unix milliseconds, lists as JSON.</summary>
internal static class StoredValues
{
    public static long Time(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? Time(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset Time(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset? Time(long? value) => value is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(value.Value);

    public static string List(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyList<string> List(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    /// <summary>Text folded for substring search: NFKC (full-width → half-width) and lower case, Japanese intact.</summary>
    public static string Folded(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
}
