namespace Community.Grains.Messages;

/// <summary>
/// <c>@all</c> (every member of the room) and <c>@here</c> (the members online now): written in the
/// text like any mention, and kept in the message's <c>mentions</c> as the tokens <c>@all</c> and
/// <c>@here</c>, beside the member ids of personal mentions (an id never starts with <c>@</c>).
/// </summary>
public static class RoomWideMentions
{
    public const string All = "@all";
    public const string Here = "@here";

    /// <summary>
    /// In rooms with more members than this, only the room's owner and moderators and the
    /// secretariat may use them; in smaller rooms any member may. Above this a room is a crowd
    /// that one member should not be able to ping at will.
    /// </summary>
    public const int OpenToAnyMemberUpTo = 20;

    /// <summary>The handles that are these mentions, never a member's (sign-up refuses them).</summary>
    public static readonly IReadOnlySet<string> ReservedHandles = new HashSet<string>(StringComparer.Ordinal) { "all", "here" };

    /// <summary>The tokens for the handles among <paramref name="handles"/> that are room-wide mentions, <c>@all</c> first.</summary>
    public static IReadOnlyList<string> In(IReadOnlyCollection<string> handles) =>
        [.. ReservedHandles.Where(handles.Contains).Order(StringComparer.Ordinal).Select(h => "@" + h)];

    /// <summary>The reach of a message's room-wide mention, as the <c>mention</c> event's <c>scope</c> says it: <c>all</c>, <c>here</c> or null.</summary>
    public static string? ScopeOf(IReadOnlyList<string> mentions) =>
        mentions.Contains(All) ? MentionScopes.All : mentions.Contains(Here) ? MentionScopes.Here : null;

    public static bool IsToken(string mention) => mention.StartsWith('@');
}
