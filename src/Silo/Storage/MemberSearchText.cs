using Community.Grains.Members;

namespace Community.Silo.Storage;

/// <summary>The one string a directory search looks in, for a member.</summary>
internal static class MemberSearchText
{
    public static string Of(MemberProfile p) => StoredValues.Folded(string.Join('\n',
        [p.DisplayName, p.Handle, p.Headline, p.CurrentCompany, .. p.FormerDepartments, .. p.Tags]));
}
