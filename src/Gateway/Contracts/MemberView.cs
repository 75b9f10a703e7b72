using System.Text.Json.Serialization;
using Community.Grains.Members;

namespace Community.Gateway.Contracts;

/// <summary>
/// The contract's <c>member</c>: the profile and whether they are connected now. <see cref="Headline"/> and
/// <see cref="CurrentCompany"/> are null when the member keeps them from this viewer (see <see cref="MemberPrivacy"/>);
/// so is <see cref="OpenTo"/>, which follows the same choice; <see cref="Privacy"/> is only shown to the member themselves and to the secretariat.
/// </summary>
public sealed record MemberView(
    string Id, string Handle, string DisplayName, string Role, string? Headline, string Bio, string? CurrentCompany,
    IReadOnlyList<string> FormerDepartments, IReadOnlyList<string> Tags, string Status, DateTimeOffset JoinedAt, bool Online,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PrivacyView? Privacy = null,
    bool Former = false,
    IReadOnlyList<string>? OpenTo = null)
{
    /// <summary>The whole profile, as the member and the secretariat see it.</summary>
    public static MemberView Of(MemberProfile p, bool online) => new(p.Id, p.Handle, p.DisplayName, p.Role, p.Headline, p.Bio,
        p.CurrentCompany, p.FormerDepartments, p.Tags, p.Status, p.JoinedAt, online, PrivacyView.Of(p.Privacy), p.Former, p.OpenTo);

    /// <summary>The profile as another member sees it: the fields the member keeps from them left out, their settings not shown.</summary>
    public static MemberView Limited(MemberProfile p, bool online, bool showsFields) => new(p.Id, p.Handle, p.DisplayName, p.Role,
        showsFields ? p.Headline : null, p.Bio, showsFields ? p.CurrentCompany : null, p.FormerDepartments, p.Tags, p.Status, p.JoinedAt, online, Former: p.Former,
        OpenTo: showsFields ? p.OpenTo : null);
}

/// <summary>A member's directory privacy as the contract shows it.</summary>
public sealed record PrivacyView(string FieldsVisibleTo, bool Listed)
{
    public static PrivacyView Of(MemberPrivacy p) => new(p.FieldsVisibleTo, p.Listed);
}
