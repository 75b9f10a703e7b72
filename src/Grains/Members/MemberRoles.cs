namespace Community.Grains.Members;

/// <summary>The network-wide roles a member can hold.</summary>
public static class MemberRoles
{
    public const string Alumnus = "alumnus";
    public const string Employee = "employee";
    public const string Supporter = "supporter";
    public const string Secretariat = "secretariat";

    public static readonly string[] All = [Alumnus, Employee, Supporter, Secretariat];
}
