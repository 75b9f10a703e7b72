namespace Community.Grains.Members;

/// <summary>A member as the directory shows them.</summary>
public sealed record MemberProfile(
    string Id,
    string Handle,
    string DisplayName,
    string Role,
    string Headline,
    string Bio,
    string CurrentCompany,
    IReadOnlyList<string> FormerDepartments,
    IReadOnlyList<string> Tags,
    string Status,
    DateTimeOffset JoinedAt)
{
    public static MemberProfile New(string id, string handle, string displayName, string role, DateTimeOffset joinedAt) =>
        new(id, handle, displayName, role, "", "", "", [], [], "", joinedAt);
}
