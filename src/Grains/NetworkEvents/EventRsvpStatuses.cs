namespace Community.Grains.NetworkEvents;

/// <summary>
/// Where a member stands: <c>going</c> (a place is theirs), <c>waitlisted</c> (they said going when every place was
/// taken; the first on the list moves up when a place frees), <c>declined</c>. A member answers <c>going</c> or
/// <c>declined</c>; the event decides between going and waitlisted.
/// </summary>
public static class EventRsvpStatuses
{
    public const string Going = "going";
    public const string Waitlisted = "waitlisted";
    public const string Declined = "declined";

    /// <summary>What a member may answer.</summary>
    public static readonly IReadOnlyList<string> Answers = [Going, Declined];
}
