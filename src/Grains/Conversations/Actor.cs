using Community.Grains.Members;

namespace Community.Grains.Conversations;

/// <summary>The authenticated member on whose behalf a grain is called.</summary>
public sealed record Actor(string MemberId, string Role)
{
    public bool IsSecretariat => Role == MemberRoles.Secretariat;
}
