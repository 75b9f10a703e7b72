using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Calendars;
using Community.Gateway.Contracts;
using Community.Grains.Common;
using Community.Grains.Meetups;
using Community.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

/// <summary>
/// A room's meetups as a calendar feed that calendar apps subscribe to: the room's owner and moderators
/// make its address (a new one replaces the old) and revoke it; the address opens the feed without
/// signing in, its token (in the query string, out of every log) being the secret, kept only as a hash.
/// </summary>
public static class CalendarFeedApi
{
    public static RouteGroupBuilder MapCalendarFeedApi(this IEndpointRouteBuilder app)
    {
        var feed = app.MapGroup("/api/rooms/{id}/calendar-feed").RequireAuthorization();
        feed.MapPost("/", CreateCalendarFeedAsync);
        feed.MapDelete("/", RevokeCalendarFeedAsync);
        app.MapGet("/calendar/feed.ics", CalendarFeedAsync).AllowAnonymous().Produces<string>(StatusCodes.Status200OK, "text/calendar");
        return feed;
    }

    /// <summary>Makes the room's calendar feed address, replacing the one before; the token is shown only now.</summary>
    public static async Task<Created<CalendarFeedView>> CreateCalendarFeedAsync(string id, ClaimsPrincipal user, IGrainFactory grains, HttpRequest request)
    {
        var token = "cal_" + Ids.Random(32);
        await RoomsApi.TalkRoom(grains, id).SetCalendarFeedAsync(user.ToActor(), TokenService.HashOf(token));
        // The token goes in the query string, which no log line carries (a path is in every request's log scope).
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/calendar/feed.ics?token={token}";
        return TypedResults.Created(url, new CalendarFeedView(url, token));
    }

    /// <summary>Revokes the room's calendar feed: its address answers 404 from now on.</summary>
    public static async Task<NoContent> RevokeCalendarFeedAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        await RoomsApi.TalkRoom(grains, id).RevokeCalendarFeedAsync(user.ToActor());
        return TypedResults.NoContent();
    }

    /// <summary>Every meetup of the room whose feed this token opens, as an iCalendar file; 404 for a revoked or unknown token.</summary>
    public static async Task<IResult> CalendarFeedAsync(string? token, ICalendarFeedStore feeds, IMeetupStore meetups, TimeProvider time)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64 || await feeds.RoomOfAsync(TokenService.HashOf(token)) is not { } roomId)
            throw Grains.Errors.CommunityException.NotFound("no such calendar feed");
        var now = time.GetUtcNow();
        var listed = (await meetups.ListAsync(roomId, null)).Select(m => m with { Occurrences = null });
        return MeetupsApi.CalendarFile(MeetupCalendar.Of(listed, "Lunch meetups", now), "meetups.ics");
    }
}
