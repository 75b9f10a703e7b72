namespace Community.Grains.Opportunities;

/// <summary><c>Community:Opportunities</c>: whether members other than the secretariat may post opportunities (false unless set).</summary>
public sealed class OpportunityOptions
{
    public const string Section = "Community:Opportunities";

    public bool MembersMayPost { get; set; }
}
