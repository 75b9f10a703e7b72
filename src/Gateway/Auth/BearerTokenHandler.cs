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
/// from <c>access_token</c> in the query string (browsers cannot set WebSocket headers). The
/// ticket expires when the token's session does unless used again, so the hub closes a connection
/// whose session has ended (<c>CloseOnAuthenticationExpiration</c>).
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TokenService tokens, IGrainFactory grains, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenFromRequest();
        if (string.IsNullOrEmpty(token)) return AuthenticateResult.NoResult();
        var active = await tokens.AuthenticateAsync(token);
        if (active is null) return AuthenticateResult.Fail("unknown, revoked or expired token");
        var member = await grains.GetGrain<IMemberGrain>(active.Session.MemberId).GetAsync();
        if (member is null) return AuthenticateResult.Fail("unknown member");
        var identity = new ClaimsIdentity(
        [
            new Claim(CommunityClaims.MemberIdType, member.Id),
            new Claim(CommunityClaims.RoleType, member.Role),
            new Claim(CommunityClaims.TokenHashType, active.TokenHash),
            new Claim(CommunityClaims.SessionIdType, active.Session.Id),
        ], SchemeName, CommunityClaims.MemberIdType, CommunityClaims.RoleType);
        var properties = new AuthenticationProperties { ExpiresUtc = OnSystemClock(active.ExpiresAt) };
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, SchemeName));
    }

    /// <summary>
    /// The session's end as the system clock will read it: SignalR judges a connection's expiry by
    /// the system clock, the session by the node's <see cref="TimeProvider"/>. The two agree in
    /// production; where a test moves the node's clock, what is left of the session still holds.
    /// </summary>
    private DateTimeOffset OnSystemClock(DateTimeOffset expiresAt) =>
        TimeProvider.System.GetUtcNow() + (expiresAt - time.GetUtcNow());

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
