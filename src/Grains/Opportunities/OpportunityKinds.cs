namespace Community.Grains.Opportunities;

/// <summary>What an opportunity offers: a job (comeback hiring among them), a project, or side or freelance work.</summary>
public static class OpportunityKinds
{
    public const string Job = "job";
    public const string Project = "project";
    public const string SideWork = "side-work";

    public static readonly IReadOnlyList<string> All = [Job, Project, SideWork];
}
