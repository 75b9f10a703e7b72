using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Errors;
using Community.Grains.Members;
using Community.Grains.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Community.Gateway.Apis;

/// <summary>A member's own sessions (one per sign-in, each with its token) and their password.</summary>
public static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").RequireAuthorization();
        me.MapGet("/sessions", ListSessionsAsync);
        // "others" is a word of the route, not a session id: session ids start with "s_".
        me.MapDelete("/sessions/others", SignOutOtherSessionsAsync);
        me.MapDelete("/sessions/{id}", SignOutSessionAsync);
        me.MapDelete("/sessions", SignOutAllSessionsAsync);
        me.MapPost("/password", ChangePasswordAsync);
        app.MapDelete("/api/me", DeleteAccountAsync).RequireAuthorization();
        return me;
    }

    /// <summary>
    /// The member's sessions that have not ended, most recently used first: the device each signed in from
    /// (null when the client did not say), when it began, when it was last used (to the minute), when it
    /// ends unless used again, and which one is asking. Tokens are never shown.
    /// </summary>
    public static async Task<Ok<ItemList<SessionView>>> ListSessionsAsync(ClaimsPrincipal user, TokenService tokens)
    {
        var current = user.SessionIdOf();
        var sessions = await tokens.ListAsync(user.MemberId());
        return TypedResults.Ok(new ItemList<SessionView>(sessions
            .Select(s => new SessionView(s.Session.Id, s.Session.Device, s.Session.CreatedAt, s.Session.LastSeenAt, s.ExpiresAt, s.Session.Id == current))
            .ToArray()));
    }

    /// <summary>Signs one of the member's sessions out (this one included): its token stops working and its hub connections close.</summary>
    public static async Task<NoContent> SignOutSessionAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!await grains.GetGrain<IMemberGrain>(user.MemberId()).RevokeSessionAsync(ClientIds.Check(id, "id")))
            throw CommunityException.NotFound("you have no such session");
        return TypedResults.NoContent();
    }

    /// <summary>Signs out every session of the member but the one asking.</summary>
    public static async Task<NoContent> SignOutOtherSessionsAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<IMemberGrain>(user.MemberId()).RevokeSessionsAsync(user.SessionIdOf());
        return TypedResults.NoContent();
    }

    /// <summary>Signs out every session of the member, the one asking included.</summary>
    public static async Task<NoContent> SignOutAllSessionsAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<IMemberGrain>(user.MemberId()).RevokeSessionsAsync(keepSessionId: null);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Changes the password, given the current one (<c>forbidden</c> when it is not right); every other
    /// session is signed out, this one stays.
    /// </summary>
    public static async Task<NoContent> ChangePasswordAsync(ChangePasswordRequest request, ClaimsPrincipal user, AccountService accounts)
    {
        await accounts.ChangePasswordAsync(user.MemberId(), user.SessionIdOf(), request);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Deletes the account, given the password (<c>forbidden</c> when it is not right): sign-in closed, every token revoked and
    /// every connection closed, the profile erased (the handle stays reserved; the member shows as <c>former</c>). Their
    /// messages stay where they are, shown as a former member's, so DM threads stay readable to the other side.
    /// </summary>
    public static async Task<NoContent> DeleteAccountAsync([FromBody] DeleteAccountRequest request, ClaimsPrincipal user, AccountService accounts)
    {
        await accounts.DeleteAccountAsync(user.MemberId(), request);
        return TypedResults.NoContent();
    }
}
