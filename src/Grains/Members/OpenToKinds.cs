using Community.Grains.Errors;

namespace Community.Grains.Members;

/// <summary>What a member may say they are open to, shown in the directory and filtered by.</summary>
public static class OpenToKinds
{
    /// <summary>Coming back to the company (comeback hiring).</summary>
    public const string Comeback = "comeback";
    public const string Projects = "projects";
    public const string SideWork = "side-work";
    public const string Mentoring = "mentoring";
    public const string Speaking = "speaking";

    public static readonly string[] All = [Comeback, Projects, SideWork, Mentoring, Speaking];

    /// <summary>Kinds of <see cref="All"/>, each at most once, in that list's order; <c>invalid</c> (field <c>openTo</c>) for any other.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<string?> openTo)
    {
        if (openTo.Any(k => k is null || !All.Contains(k, StringComparer.Ordinal)))
            throw CommunityException.Invalid("openTo", $"each must be one of {string.Join(", ", All)}");
        return All.Where(openTo.Contains).ToArray();
    }
}
