using System.Security.Claims;
using Community.Grains.Members;
using Community.Grains.Storage;

namespace Community.Gateway.Auth;

/// <summary>The directory viewer a request speaks for: the secretariat sees every member whole.</summary>
public static class DirectoryViewers
{
    public static DirectoryViewer DirectoryViewer(this ClaimsPrincipal user) =>
        new(user.MemberId(), user.FindFirstValue(CommunityClaims.RoleType) == MemberRoles.Secretariat);
}
