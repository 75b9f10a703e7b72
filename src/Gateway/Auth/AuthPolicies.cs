using Community.Grains.Members;
using Microsoft.AspNetCore.Authorization;

namespace Community.Gateway.Auth;

public static class AuthPolicies
{
    public const string Secretariat = "secretariat";

    public static void Add(AuthorizationOptions options)
    {
        options.DefaultPolicy = new AuthorizationPolicyBuilder(BearerTokenHandler.SchemeName).RequireAuthenticatedUser().Build();
        options.AddPolicy(Secretariat, policy => policy
            .AddAuthenticationSchemes(BearerTokenHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(CommunityClaims.RoleType, MemberRoles.Secretariat));
    }
}
