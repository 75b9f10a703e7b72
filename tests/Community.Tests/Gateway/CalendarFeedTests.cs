using System.Net;
using Community.Tests.Support;
using Ical.Net;

namespace Community.Tests.Gateway;

/// <summary>A room's meetups as a calendar feed: an address with a token of its own, opened without signing in, revocable.</summary>
[Collection(MembersNode.Name)]
public sealed class CalendarFeedTests(MembersNodeFixture fixture)
{
    private TestMember Alice => fixture.Alice;

    private TestMember Bob => fixture.Bob;

    private TestMember Carol => fixture.Carol;

    [Fact]
    public async Task The_feed_address_lists_every_meetup_of_the_room_without_signing_in_and_a_new_address_replaces_the_old()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        var single = await CreateAsync(room, new { title = "新年会", startsAt = new DateTimeOffset(2030, 1, 10, 10, 0, 0, TimeSpan.Zero), durationMinutes = 120, location = "銀座", timeZone = "Asia/Tokyo" });
        var series = await CreateAsync(room, new
        {
            title = "毎週ランチ", localStart = "2030-01-07T12:00", timeZone = "Asia/Tokyo", durationMinutes = 60, location = "大手町",
            repeat = new { frequency = "weekly", weekdays = new[] { "monday" } },
        });

        var feed = await (await Alice.Http.PostAsync($"/api/rooms/{room}/calendar-feed", null)).ReadJsonAsync(HttpStatusCode.Created);
        var url = new Uri(feed.Str("url"));
        Assert.Equal(("/calendar/feed.ics", $"?token={feed.Str("token")}"), (url.AbsolutePath, url.Query));

        using var response = await fixture.Node.Anonymous.GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(new[] { $"{single}@meetups.community", $"{series}@meetups.community" }.Order(StringComparer.Ordinal),
            calendar.Events.Select(e => e.Uid!).Order(StringComparer.Ordinal));
        Assert.NotNull(Assert.Single(calendar.Events, e => e.Uid!.StartsWith(series, StringComparison.Ordinal)).RecurrenceRule);

        var replaced = await (await Alice.Http.PostAsync($"/api/rooms/{room}/calendar-feed", null)).ReadJsonAsync(HttpStatusCode.Created);
        await (await fixture.Node.Anonymous.GetAsync(url.PathAndQuery)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Node.Anonymous.GetAsync(new Uri(replaced.Str("url")).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task A_revoked_or_unknown_feed_token_is_404()
    {
        var room = await Steps.RoomWithAsync(Alice);
        var feed = await (await Alice.Http.PostAsync($"/api/rooms/{room}/calendar-feed", null)).ReadJsonAsync(HttpStatusCode.Created);
        var path = new Uri(feed.Str("url")).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await fixture.Node.Anonymous.GetAsync(path)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Alice.Http.DeleteAsync($"/api/rooms/{room}/calendar-feed")).StatusCode);

        await (await fixture.Node.Anonymous.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await fixture.Node.Anonymous.GetAsync("/calendar/feed.ics?token=cal_nosuchtokennosuchtokennosuchtoken")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await Alice.Http.DeleteAsync($"/api/rooms/{room}/calendar-feed")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Only_the_rooms_owner_or_moderators_make_or_revoke_its_feed_and_a_non_member_cannot()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        var feed = await (await Alice.Http.PostAsync($"/api/rooms/{room}/calendar-feed", null)).ReadJsonAsync(HttpStatusCode.Created);

        await (await Carol.Http.PostAsync($"/api/rooms/{room}/calendar-feed", null)).AssertForbiddenAsync();
        await (await Bob.Http.PostAsync($"/api/rooms/{room}/calendar-feed", null)).AssertForbiddenAsync();
        await (await Carol.Http.DeleteAsync($"/api/rooms/{room}/calendar-feed")).AssertForbiddenAsync();

        Assert.Equal(HttpStatusCode.OK, (await fixture.Node.Anonymous.GetAsync(new Uri(feed.Str("url")).PathAndQuery)).StatusCode);
    }

    private async Task<string> CreateAsync(string room, object body) =>
        (await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups", body)).ReadJsonAsync(HttpStatusCode.Created)).Str("id");
}
