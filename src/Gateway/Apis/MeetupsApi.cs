using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Calendars;
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
        meetups.MapPut("/{meetupId}/repeat", RepeatMeetupAsync);
        meetups.MapPost("/{meetupId}/exceptions", SkipMeetupDateAsync);
        meetups.MapDelete("/{meetupId}/exceptions/{date}", RestoreMeetupDateAsync);
        meetups.MapGet("/{meetupId}/calendar.ics", MeetupCalendarAsync).Produces<string>(StatusCodes.Status200OK, "text/calendar");
        return meetups;
    }

    public static async Task<Created<Meetup>> CreateMeetupAsync(string id, CreateMeetupRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var meetup = await RoomsApi.TalkRoom(grains, id).CreateMeetupAsync(user.ToActor(),
            new MeetupDraft(request.Title, request.StartsAt, request.DurationMinutes, request.Location, request.TimeZone, request.LocalStart,
                request.Repeat, request.Exceptions));
        return TypedResults.Created($"/api/rooms/{id}/meetups/{meetup.Id}", meetup);
    }

    public static async Task<Ok<ItemList<Meetup>>> ListMeetupsAsync(string id, bool? upcoming, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(new ItemList<Meetup>(await RoomsApi.TalkRoom(grains, id).ListMeetupsAsync(user.ToActor(), upcoming ?? false)));

    public static async Task<Ok<Meetup>> RsvpAsync(string id, string meetupId, RsvpRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await RoomsApi.TalkRoom(grains, id).RsvpAsync(user.ToActor(), meetupId, request.Response));

    /// <summary>Makes the meetup a series, changes its rule, or ends it (a rule with <c>until</c>); skipped dates the new rule lacks are dropped.</summary>
    public static async Task<Ok<Meetup>> RepeatMeetupAsync(string id, string meetupId, MeetupRepeatDraft request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await RoomsApi.TalkRoom(grains, id).RepeatMeetupAsync(user.ToActor(), meetupId, request));

    /// <summary>Skips one date of a series: it leaves the listing, the calendar (EXDATE) and gets no reminder.</summary>
    public static async Task<Ok<Meetup>> SkipMeetupDateAsync(string id, string meetupId, MeetupDateRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await RoomsApi.TalkRoom(grains, id).SkipMeetupDateAsync(user.ToActor(), meetupId, request.Date));

    /// <summary>Lets a skipped date of a series take place again.</summary>
    public static async Task<Ok<Meetup>> RestoreMeetupDateAsync(string id, string meetupId, string date, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await RoomsApi.TalkRoom(grains, id).RestoreMeetupDateAsync(user.ToActor(), meetupId, date));

    /// <summary>The meetup as an iCalendar file to add to a calendar: its time zone, and a series' rule and skipped dates.</summary>
    public static async Task<IResult> MeetupCalendarAsync(string id, string meetupId, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        var meetup = await RoomsApi.TalkRoom(grains, id).GetMeetupAsync(user.ToActor(), meetupId);
        return CalendarFile(MeetupCalendar.Of([meetup], meetup.Title, time.GetUtcNow()), $"{meetup.Id}.ics");
    }

    internal static IResult CalendarFile(string text, string fileName) =>
        TypedResults.Text(text, MeetupCalendar.ContentType, System.Text.Encoding.UTF8);
}
