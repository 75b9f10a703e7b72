using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Common;
using Community.Grains.NetworkEvents;
using Community.Grains.Storage;
using Community.Grains.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

/// <summary>Reunions and seminars of the whole network: the secretariat's events, members' answers, the waiting list, attendance.</summary>
public static class NetworkEventsApi
{
    public static RouteGroupBuilder MapNetworkEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events").RequireAuthorization();
        events.MapPost("/", CreateEventAsync);
        events.MapGet("/", ListEventsAsync);
        events.MapGet("/{id}", GetEventAsync);
        events.MapPut("/{id}/rsvp", RsvpAsync);
        events.MapGet("/{id}/attendees", AttendeesAsync);
        events.MapPut("/{id}/attendance", RecordAttendanceAsync);
        return events;
    }

    /// <summary>The secretariat creates an event (with a room for its chat) for everyone or for members with given tags.</summary>
    public static async Task<Created<EventView>> CreateEventAsync(EventRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var id = "ev_" + Ids.Random(12);
        var created = await grains.GetGrain<INetworkEventGrain>(id).CreateAsync(user.ToActor(),
            new EventDraft(request.Title, request.Description, request.Location, request.StartsAt, request.DurationMinutes, request.Capacity, request.InvitedTags));
        return TypedResults.Created($"/api/events/{id}", created);
    }

    /// <summary>The events the member is invited to that have not ended, by start time (the secretariat: every one); <c>past=true</c> includes those that have.</summary>
    public static async Task<Ok<ItemList<EventView>>> ListEventsAsync(bool? past, ClaimsPrincipal user, INetworkEventStore store, IMemberStore members,
        IGrainFactory grains, TimeProvider time)
    {
        var actor = user.ToActor();
        var tags = actor.IsSecretariat ? [] : (await members.GetAsync(actor.MemberId))?.Profile.Tags ?? [];
        var invited = (await store.ListAsync(past == true ? null : time.GetUtcNow())).Where(e => EventRules.IsInvited(e, tags, actor.IsSecretariat));
        var views = await Task.WhenAll(invited.Select(e => grains.GetGrain<INetworkEventGrain>(e.Id).GetAsync(actor)));
        return TypedResults.Ok(new ItemList<EventView>(views));
    }

    public static async Task<Ok<EventView>> GetEventAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, id).GetAsync(user.ToActor()));

    /// <summary><c>going</c> or <c>declined</c>; going when every place is taken puts the member on the waiting list.</summary>
    public static async Task<Ok<EventView>> RsvpAsync(string id, RsvpRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, id).RsvpAsync(user.ToActor(), request.Response));

    public static async Task<Ok<EventAttendees>> AttendeesAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, id).AttendeesAsync(user.ToActor()));

    /// <summary>The secretariat records who attended, once the event has started.</summary>
    public static async Task<Ok<EventAttendees>> RecordAttendanceAsync(string id, AttendanceRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, id).RecordAttendanceAsync(user.ToActor(), request.MemberIds));

    private static INetworkEventGrain Grain(IGrainFactory grains, string id) => grains.GetGrain<INetworkEventGrain>(ClientIds.Check(id, "id"));
}
