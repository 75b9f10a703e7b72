namespace Community.Grains.Opportunities;

public static class OpportunityStatuses
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Open, Closed];
}
