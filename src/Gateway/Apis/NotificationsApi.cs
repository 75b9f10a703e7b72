using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Conversations;
using Community.Grains.Rooms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

/// <summary>Each member's own choice of whether a room (or DM) may notify them.</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/rooms/{id}/notifications", SetRoomNotificationsAsync).RequireAuthorization();
        return app;
    }

    /// <summary>
    /// Mutes (<c>{muted: true}</c>, optionally <c>until</c> a time) or unmutes (<c>{muted: false}</c>) the room's
    /// notifications for the caller alone: muted, they hear no <c>@all</c> or <c>@here</c> of it; a mention of
    /// them by <c>@handle</c> still reaches them. Not the moderators' mute (<c>POST /api/rooms/{id}/mutes</c>),
    /// which stops a member posting. Answers the room as the caller now sees it.
    /// </summary>
    public static async Task<Ok<RoomView>> SetRoomNotificationsAsync(string id, RoomNotificationsRequest request, ClaimsPrincipal user,
        IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetConversation(id).SetNotificationsAsync(user.ToActor(), request.Muted, request.Until));
}
