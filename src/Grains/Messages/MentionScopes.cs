namespace Community.Grains.Messages;

/// <summary>Why a <c>mention</c> event reached a member: named personally, or by <c>@all</c> or <c>@here</c>.</summary>
public static class MentionScopes
{
    public const string Member = "member";
    public const string All = "all";
    public const string Here = "here";
}
