namespace Community.Grains.Members;

/// <summary>
/// What the directory shows of a member to others: who sees their headline and company
/// (<see cref="FieldAudiences"/>), and whether they are listed and found by search at all.
/// The secretariat and the member themselves always see everything.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MemberPrivacy(
    [property: Id(0)] string FieldsVisibleTo,
    [property: Id(1)] bool Listed)
{
    /// <summary>What every member has until they choose: everything shown to everyone, listed.</summary>
    public static readonly MemberPrivacy Default = new(FieldAudiences.Everyone, Listed: true);
}
