namespace Community.Grains.Members;

/// <summary>A member as the directory shows them.</summary>
[GenerateSerializer, Immutable]
public sealed record MemberProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Handle,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string Role,
    [property: Id(4)] string Headline,
    [property: Id(5)] string Bio,
    [property: Id(6)] string CurrentCompany,
    [property: Id(7)] IReadOnlyList<string> FormerDepartments,
    [property: Id(8)] IReadOnlyList<string> Tags,
    [property: Id(9)] string Status,
    [property: Id(10)] DateTimeOffset JoinedAt)
{
    /// <summary>What the directory shows of the member to others.</summary>
    [Id(11)]
    public MemberPrivacy Privacy { get; init; } = MemberPrivacy.Default;

    /// <summary>The account was deleted: the profile is erased, the handle stays reserved, clients show a former member.</summary>
    [Id(12)]
    public bool Former { get; init; }

    /// <summary>What the member is open to (<see cref="OpenToKinds"/>), in that order; shown to whom the headline is.</summary>
    [Id(13)]
    public IReadOnlyList<string> OpenTo { get; init; } = [];

    /// <summary>What is left of a deleted account: its id, handle, role and join date; nothing to list or search.</summary>
    public MemberProfile Erased() => new(Id, Handle, "", Role, "", "", "", [], [], "", JoinedAt)
    {
        Privacy = new MemberPrivacy(FieldAudiences.Nobody, Listed: false),
        Former = true,
    };

    public static MemberProfile New(string id, string handle, string displayName, string role, DateTimeOffset joinedAt) =>
        new(id, handle, displayName, role, "", "", "", [], [], "", joinedAt);
}
