using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Broadcasts;
using Community.Grains.Rooms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

/// <summary>Broadcasts the secretariat writes ahead, posted in the broadcast channel at their time.</summary>
public static class ScheduledBroadcastsApi
{
    public static RouteGroupBuilder MapScheduledBroadcastsApi(this IEndpointRouteBuilder app)
    {
        var scheduled = app.MapGroup("/api/admin/broadcasts/scheduled").RequireAuthorization(AuthPolicies.Secretariat);
        scheduled.MapPost("/", ScheduleBroadcastAsync);
        scheduled.MapGet("/", ListScheduledBroadcastsAsync);
        scheduled.MapPut("/{id}", UpdateScheduledBroadcastAsync);
        scheduled.MapDelete("/{id}", CancelScheduledBroadcastAsync);
        return scheduled;
    }

    /// <summary>
    /// Schedules a broadcast: <c>text</c> under the message text rule, <c>sendAt</c> in the future and within a year.
    /// At its time it is posted in the broadcast channel as the author's message, once (recorded in the audit log).
    /// </summary>
    public static async Task<Created<ScheduledBroadcastView>> ScheduleBroadcastAsync(ScheduledBroadcastRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var scheduled = ScheduledBroadcastView.Of(await Channel(grains).ScheduleBroadcastAsync(user.ToActor(), new ScheduledBroadcastDraft(request.Text, request.SendAt)));
        return TypedResults.Created($"/api/admin/broadcasts/scheduled/{scheduled.Id}", scheduled);
    }

    /// <summary>The broadcasts waiting for their time, the earliest first.</summary>
    public static async Task<Ok<ItemList<ScheduledBroadcastView>>> ListScheduledBroadcastsAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(new ItemList<ScheduledBroadcastView>((await Channel(grains).ListScheduledBroadcastsAsync(user.ToActor())).Select(ScheduledBroadcastView.Of).ToArray()));

    /// <summary>
    /// Changes a pending broadcast's <c>text</c>, <c>sendAt</c> or both (recorded in the audit log);
    /// <c>conflict</c> once it is due or posted, <c>not_found</c> for an id never scheduled or cancelled.
    /// </summary>
    public static async Task<Ok<ScheduledBroadcastView>> UpdateScheduledBroadcastAsync(string id, ScheduledBroadcastRequest request, ClaimsPrincipal user,
        IGrainFactory grains) =>
        TypedResults.Ok(ScheduledBroadcastView.Of(await Channel(grains).UpdateScheduledBroadcastAsync(user.ToActor(), id, new ScheduledBroadcastDraft(request.Text, request.SendAt))));

    /// <summary>Cancels a pending broadcast (recorded in the audit log); <c>conflict</c> once it is due or posted.</summary>
    public static async Task<NoContent> CancelScheduledBroadcastAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        await Channel(grains).CancelScheduledBroadcastAsync(user.ToActor(), id);
        return TypedResults.NoContent();
    }

    private static IRoomGrain Channel(IGrainFactory grains) => grains.GetGrain<IRoomGrain>(BroadcastChannel.Id);
}
