using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Errors;
using Community.Grains.Members;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth");
        auth.MapPost("/register", RegisterAsync).AllowAnonymous().RequireRateLimiting(AnonymousRateLimit.Policy);
        auth.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(AnonymousRateLimit.Policy);
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization();
        app.MapGet("/api/me", GetMeAsync).RequireAuthorization();
        return auth;
    }

    /// <summary>Signs up with an invitation code; the answer's token opens a session named after the client's User-Agent.</summary>
    public static async Task<Created<AuthResponse>> RegisterAsync(RegisterRequest request, HttpRequest http, AccountService accounts) =>
        TypedResults.Created("/api/me", await accounts.RegisterAsync(request, http.Headers.UserAgent.ToString(), http.HttpContext.RequestAborted));

    /// <summary>Signs in; the answer's token opens a session named after the client's User-Agent (see <c>GET /api/me/sessions</c>).</summary>
    public static async Task<Ok<AuthResponse>> LoginAsync(LoginRequest request, HttpRequest http, AccountService accounts) =>
        TypedResults.Ok(await accounts.LoginAsync(request, http.Headers.UserAgent.ToString(), http.HttpContext.RequestAborted));

    /// <summary>Signs this session out: its token stops working and the hub connections opened with it close.</summary>
    public static async Task<NoContent> LogoutAsync(ClaimsPrincipal user, TokenService tokens)
    {
        await tokens.RevokeAsync(user.MemberId(), user.TokenHashOf());
        return TypedResults.NoContent();
    }

    public static async Task<Ok<MemberView>> GetMeAsync(ClaimsPrincipal user, IGrainFactory grains, MemberViews views)
    {
        var profile = await grains.GetGrain<IMemberGrain>(user.MemberId()).GetAsync() ?? throw CommunityException.NotFound("no such member");
        return TypedResults.Ok(await views.OfAsync(profile));
    }
}
