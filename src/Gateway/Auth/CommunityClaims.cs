using System.Security.Claims;
using Community.Grains.Conversations;

namespace Community.Gateway.Auth;

/// <summary>The claims a bearer token yields, and the actor they stand for.</summary>
public static class CommunityClaims
{
    public const string MemberIdType = "sub";
    public const string RoleType = "role";
    public const string TokenHashType = "token_hash";
    public const string SessionIdType = "sid";

    public static Actor ToActor(this ClaimsPrincipal user) => new(user.MemberId(), user.FindFirstValue(RoleType) ?? "");

    public static string MemberId(this ClaimsPrincipal user) =>
        user.FindFirstValue(MemberIdType) ?? throw new InvalidOperationException("The request is not authenticated.");

    public static string TokenHashOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(TokenHashType) ?? throw new InvalidOperationException("The request is not authenticated.");

    public static string SessionIdOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(SessionIdType) ?? throw new InvalidOperationException("The request is not authenticated.");
}
