using Community.Grains.Errors;

namespace Community.Grains.Text;

/// <summary>
/// Ids that arrive from clients (room, member, stamp and meetup ids, client message ids): checked
/// for shape before they name a grain or reach storage, so none carries a NUL, a control
/// character or a page of text.
/// </summary>
public static class ClientIds
{
    public const int MaxLength = 64;

    public const string Rule = "text rule `id` (1–64 visible ASCII characters, ! to ~: no spaces or control characters)";

    public static string Check(string? id, string field)
    {
        if (string.IsNullOrEmpty(id)) throw CommunityException.Invalid(field, "is required");
        if (id.Length > MaxLength || !IsShaped(id))
            throw CommunityException.Invalid(field, $"must be 1-{MaxLength} visible ASCII characters (no spaces or control characters)");
        return id;
    }

    public static bool IsShaped(string id) => id.Length is > 0 and <= MaxLength && id.All(c => c is > ' ' and <= '~');
}
