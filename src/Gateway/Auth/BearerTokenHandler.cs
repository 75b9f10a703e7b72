using System.Security.Claims;
using System.Text.Encodings.Web;
using Community.Gateway.Errors;
using Community.Grains.Errors;
using ErrorCode = Community.Grains.Errors.ErrorCode;
using Community.Grains.Members;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Community.Gateway.Auth;

/// <summary>
/// Authenticates an opaque bearer token from the <c>Authorization</c> header, or, on the hub,
/// from <c>access_token</c> in the query string (browsers cannot set WebSocket headers).
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TokenService tokens, IGrainFactory grains)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenFromRequest();
        if (string.IsNullOrEmpty(token)) return AuthenticateResult.NoResult();
        var memberId = await tokens.FindMemberAsync(token);
        if (memberId is null) return AuthenticateResult.Fail("unknown or revoked token");
        var member = await grains.GetGrain<IMemberGrain>(memberId).GetAsync();
        if (member is null) return AuthenticateResult.Fail("unknown member");
        var identity = new ClaimsIdentity(
        [
            new Claim(CommunityClaims.MemberIdType, member.Id),
            new Claim(CommunityClaims.RoleType, member.Role),
            new Claim(CommunityClaims.TokenHashType, TokenService.HashOf(token)),
        ], SchemeName, CommunityClaims.MemberIdType, CommunityClaims.RoleType);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, new CommunityException(ErrorCode.Unauthorized, "a valid bearer token is required"));

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, CommunityException.Forbidden("your role does not allow this"));

    private string? TokenFromRequest()
    {
        string header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        if (Request.Path.StartsWithSegments("/hubs")) return Request.Query["access_token"].ToString();
        return null;
    }
}
