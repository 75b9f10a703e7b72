using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Dms;
using Community.Grains.Text;
using Community.Grains.Rooms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

public static class DmsApi
{
    public static RouteHandlerBuilder MapDmsApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/dms", OpenDmAsync).RequireAuthorization();

    /// <summary>The DM with another member; the same pair always gets the same room.</summary>
    public static async Task<Ok<RoomView>> OpenDmAsync(MemberIdRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var other = ClientIds.Check(request.MemberId, "memberId");
        var me = user.MemberId();
        return TypedResults.Ok(await grains.GetGrain<IDmThreadGrain>(DmThreadId.For(me, other)).OpenAsync(user.ToActor(), other));
    }
}
