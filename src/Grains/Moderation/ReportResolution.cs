namespace Community.Grains.Moderation;

/// <summary>How the secretariat closed a report: its <see cref="Outcome"/>, a note, who and when.</summary>
public sealed record ReportResolution(string Outcome, string? Note, string ResolvedBy, DateTimeOffset ResolvedAt)
{
    /// <summary>The reported message broke the rules and was dealt with (deleted, its sender muted or suspended).</summary>
    public const string Actioned = "actioned";

    /// <summary>Nothing needed doing.</summary>
    public const string Dismissed = "dismissed";

    public static readonly string[] Outcomes = [Actioned, Dismissed];
}
