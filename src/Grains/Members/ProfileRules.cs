using Community.Grains.Common;
using Community.Grains.Errors;
using Community.Grains.Text;

namespace Community.Grains.Members;

/// <summary>Applies a profile change after checking every field against its rule (see <see cref="FieldRules"/>).</summary>
internal static class ProfileRules
{
    public static MemberProfile Apply(MemberProfile profile, ProfileUpdate update) => profile with
    {
        DisplayName = FieldRules.DisplayName.CheckOptional(update.DisplayName, "displayName") ?? profile.DisplayName,
        Headline = FieldRules.Headline.CheckOptional(update.Headline, "headline") ?? profile.Headline,
        Bio = FieldRules.Bio.CheckOptional(update.Bio, "bio") ?? profile.Bio,
        CurrentCompany = FieldRules.CurrentCompany.CheckOptional(update.CurrentCompany, "currentCompany") ?? profile.CurrentCompany,
        FormerDepartments = update.FormerDepartments is null ? profile.FormerDepartments : Check.List(update.FormerDepartments, "formerDepartments", FieldRules.ListItem),
        Tags = update.Tags is null ? profile.Tags : Check.List(update.Tags, "tags", FieldRules.ListItem),
        Status = FieldRules.Status.CheckOptional(update.Status, "status") ?? profile.Status,
        Privacy = update.Privacy is null ? profile.Privacy : Apply(profile.Privacy, update.Privacy),
        OpenTo = update.OpenTo is null ? profile.OpenTo : OpenToKinds.Check(update.OpenTo),
    };

    private static MemberPrivacy Apply(MemberPrivacy privacy, PrivacyUpdate update)
    {
        if (update.FieldsVisibleTo is { } audience && !FieldAudiences.All.Contains(audience, StringComparer.Ordinal))
            throw CommunityException.Invalid("privacy.fieldsVisibleTo", $"must be one of {string.Join(", ", FieldAudiences.All)}");
        return new(update.FieldsVisibleTo ?? privacy.FieldsVisibleTo, update.Listed ?? privacy.Listed);
    }
}
