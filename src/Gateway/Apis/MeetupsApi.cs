using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Meetups;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

public static class MeetupsApi
{
    public static RouteGroupBuilder MapMeetupsApi(this IEndpointRouteBuilder app)
    {
        var meetups = app.MapGroup("/api/rooms/{id}/meetups").RequireAuthorization();
        meetups.MapPost("/", CreateMeetupAsync);
        meetups.MapGet("/", ListMeetupsAsync);
        meetups.MapPut("/{meetupId}/rsvp", RsvpAsync);
        return meetups;
    }

    public static async Task<Created<Meetup>> CreateMeetupAsync(string id, CreateMeetupRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var meetup = await RoomsApi.TalkRoom(grains, id).CreateMeetupAsync(user.ToActor(),
            new MeetupDraft(request.Title, request.StartsAt, request.DurationMinutes, request.Location));
        return TypedResults.Created($"/api/rooms/{id}/meetups/{meetup.Id}", meetup);
    }

    public static async Task<Ok<ItemList<Meetup>>> ListMeetupsAsync(string id, bool? upcoming, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(new ItemList<Meetup>(await RoomsApi.TalkRoom(grains, id).ListMeetupsAsync(user.ToActor(), upcoming ?? false)));

    public static async Task<Ok<Meetup>> RsvpAsync(string id, string meetupId, RsvpRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await RoomsApi.TalkRoom(grains, id).RsvpAsync(user.ToActor(), meetupId, request.Response));
}
