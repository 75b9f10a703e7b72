namespace Community.Grains.Members;

/// <summary>What becomes of a deleted account's messages: kept, shown as a former member's, or erased (each a deleted message's tombstone).</summary>
public static class Departures
{
    public const string Keep = "keep";
    public const string Erase = "erase";

    /// <summary>The choice as given (<c>keep</c> when none), or <c>invalid</c>.</summary>
    public static string Check(string? messages) => messages switch
    {
        null or Keep => Keep,
        Erase => Erase,
        _ => throw Errors.CommunityException.Invalid("messages", "must be keep (the messages stay, shown as a former member's) or erase (each becomes a deleted message)"),
    };
}
