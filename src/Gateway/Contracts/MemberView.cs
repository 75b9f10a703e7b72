using Community.Grains.Members;

namespace Community.Gateway.Contracts;

/// <summary>The contract's <c>member</c>: the profile and whether they are connected now.</summary>
public sealed record MemberView(
    string Id, string Handle, string DisplayName, string Role, string Headline, string Bio, string CurrentCompany,
    IReadOnlyList<string> FormerDepartments, IReadOnlyList<string> Tags, string Status, DateTimeOffset JoinedAt, bool Online)
{
    public static MemberView Of(MemberProfile p, bool online) => new(p.Id, p.Handle, p.DisplayName, p.Role, p.Headline, p.Bio,
        p.CurrentCompany, p.FormerDepartments, p.Tags, p.Status, p.JoinedAt, online);
}
