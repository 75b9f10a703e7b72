using Community.Grains.Members;

namespace Community.Grains.Conversations;

/// <summary>The authenticated member on whose behalf a grain is called.</summary>
[GenerateSerializer, Immutable]
public sealed record Actor([property: Id(0)] string MemberId, [property: Id(1)] string Role)
{
    public bool IsSecretariat => Role == MemberRoles.Secretariat;
}
