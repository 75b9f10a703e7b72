using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Rooms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

/// <summary>A room's notice: the short text shown at the top of a talk room or meetup room (a DM has none).</summary>
public static class RoomNoticeApi
{
    public static RouteGroupBuilder MapRoomNoticeApi(this IEndpointRouteBuilder app)
    {
        var notice = app.MapGroup("/api/rooms/{id}/notice").RequireAuthorization();
        notice.MapPut("/", SetNoticeAsync);
        notice.MapDelete("/", ClearNoticeAsync);
        return notice;
    }

    public static async Task<Ok<RoomView>> SetNoticeAsync(string id, NoticeRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await RoomsApi.TalkRoom(grains, id).SetNoticeAsync(user.ToActor(), request.Text));

    public static async Task<Ok<RoomView>> ClearNoticeAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await RoomsApi.TalkRoom(grains, id).ClearNoticeAsync(user.ToActor()));
}
