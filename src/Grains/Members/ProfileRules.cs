using Community.Grains.Common;

namespace Community.Grains.Members;

/// <summary>Applies a profile change after checking every field against its limit.</summary>
internal static class ProfileRules
{
    public static MemberProfile Apply(MemberProfile profile, ProfileUpdate update) => profile with
    {
        DisplayName = update.DisplayName is null ? profile.DisplayName : Check.Length(update.DisplayName.Trim(), "displayName", 1, Limits.DisplayNameMax),
        Headline = Check.OptionalLength(update.Headline, "headline", Limits.HeadlineMax) ?? profile.Headline,
        Bio = Check.OptionalLength(update.Bio, "bio", Limits.BioMax) ?? profile.Bio,
        CurrentCompany = Check.OptionalLength(update.CurrentCompany, "currentCompany", Limits.CompanyMax) ?? profile.CurrentCompany,
        FormerDepartments = update.FormerDepartments is null ? profile.FormerDepartments : Check.List(update.FormerDepartments, "formerDepartments"),
        Tags = update.Tags is null ? profile.Tags : Check.List(update.Tags, "tags"),
        Status = Check.OptionalLength(update.Status, "status", Limits.StatusMax) ?? profile.Status,
    };
}
