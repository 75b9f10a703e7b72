using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Community.Tests.Support;
using Ical.Net;
using NodaTime;

namespace Community.Tests.Gateway;

/// <summary>Recurring meetups over REST: a series in a named time zone, its skipped dates, its calendar file.</summary>
[Collection(MembersNode.Name)]
public sealed class MeetupSeriesTests(MembersNodeFixture fixture)
{
    private TestMember Alice => fixture.Alice;

    private TestMember Bob => fixture.Bob;

    private TestMember Carol => fixture.Carol;

    /// <summary>Every 2nd Friday at 12:00 in London from February 2030: March 8 is on GMT, April 12 on BST.</summary>
    private static object SecondFridays(string[]? exceptions = null) => new
    {
        title = "第2金曜ランチ",
        localStart = "2030-02-01T12:00",
        timeZone = "Europe/London",
        durationMinutes = 60,
        location = "Covent Garden",
        repeat = new { frequency = "monthly", weekOfMonth = 2, weekdays = new[] { "friday" } },
        exceptions = exceptions ?? [],
    };

    [Fact]
    public async Task A_monthly_meetup_across_a_DST_change_keeps_its_local_time_and_its_UTC_start_moves_by_the_offset_change()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);

        var meetup = await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups", SecondFridays())).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(("Europe/London", "2030-02-08T12:00"), (meetup.Str("timeZone"), meetup.Str("localStart")));
        var starts = Occurrences(meetup);
        Assert.Equal(
            [At(2030, 2, 8, 12), At(2030, 3, 8, 12), At(2030, 4, 12, 11), At(2030, 5, 10, 11), At(2030, 6, 14, 11)],
            starts);
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        foreach (var start in starts)
            Assert.Equal(new LocalTime(12, 0), Instant.FromDateTimeOffset(start).InZone(london).TimeOfDay);
        // Across the spring change London moves from UTC+0 to UTC+1: the same 12:00 comes an hour earlier in UTC.
        Assert.Equal(TimeSpan.FromHours(1), starts[1].TimeOfDay - starts[2].TimeOfDay);
        Assert.Equal(starts, Occurrences(Assert.Single((await Steps.GetAsync(Bob, $"/api/rooms/{room}/meetups?upcoming=true")).Items())));
    }

    [Fact]
    public async Task A_weekly_meetup_in_New_York_keeps_its_local_time_across_the_autumn_change()
    {
        var room = await Steps.RoomWithAsync(Alice);

        var meetup = await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups", new
        {
            title = "Tuesday lunch", localStart = "2030-10-22T12:30", timeZone = "America/New_York", durationMinutes = 60, location = "Midtown",
            repeat = new { frequency = "weekly", interval = 1, weekdays = new[] { "tuesday" }, count = 3 },
        })).ReadJsonAsync(HttpStatusCode.Created);

        // New York leaves daylight saving time on Sunday, November 3rd 2030: UTC-4, then UTC-5.
        Assert.Equal([At(2030, 10, 22, 16, 30), At(2030, 10, 29, 16, 30), At(2030, 11, 5, 17, 30)], Occurrences(meetup));
    }

    [Fact]
    public async Task The_calendar_file_of_a_series_parses_with_its_time_zone_local_time_rule_and_skipped_date()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        var meetup = await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups", SecondFridays(["2030-03-08"]))).ReadJsonAsync(HttpStatusCode.Created);

        using var response = await Bob.Http.GetAsync($"/api/rooms/{room}/meetups/{meetup.Str("id")}/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Calendar.Load(text)!;
        var item = Assert.Single(calendar.Events);
        Assert.Equal($"{meetup.Str("id")}@meetups.community", item.Uid);
        Assert.Equal(("第2金曜ランチ", "Covent Garden"), (item.Summary, item.Location));
        Assert.False(string.IsNullOrEmpty(item.Description));
        Assert.Equal("Europe/London", item.DtStart!.TzId);
        Assert.Equal(new DateTime(2030, 2, 8, 12, 0, 0), item.DtStart.Value);
        Assert.Contains(calendar.TimeZones, zone => zone.TzId == "Europe/London");
        Assert.Contains("RRULE:FREQ=MONTHLY", text, StringComparison.Ordinal);
        Assert.Contains("BYDAY=2FR", item.RecurrenceRule!.ToString(), StringComparison.Ordinal);
        Assert.Contains("EXDATE;TZID=Europe/London:20300308T120000", text, StringComparison.Ordinal);
        // The calendar's own reading of the file gives the dates the API lists: March 8th skipped, April on summer time.
        var read = item.GetOccurrences().Take(4).Select(o => new DateTimeOffset(o.Period.StartTime.AsUtc, TimeSpan.Zero)).ToArray();
        Assert.Equal([At(2030, 2, 8, 12), At(2030, 4, 12, 11), At(2030, 5, 10, 11), At(2030, 6, 14, 11)], read);
        Assert.Equal(read, Occurrences(meetup).Take(4));
    }

    [Fact]
    public async Task A_single_meetup_has_a_calendar_file_too_and_only_members_of_the_room_get_it()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        var startsAt = new DateTimeOffset(2030, 4, 1, 3, 30, 0, TimeSpan.Zero);
        var meetup = await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups",
            new { title = "渋谷でランチ", startsAt, durationMinutes = 90, location = "渋谷", timeZone = "Asia/Tokyo" })).ReadJsonAsync(HttpStatusCode.Created);
        var path = $"/api/rooms/{room}/meetups/{meetup.Str("id")}/calendar.ics";

        var item = Assert.Single(Calendar.Load(await Bob.Http.GetStringAsync(path))!.Events);

        Assert.Equal(("Asia/Tokyo", new DateTime(2030, 4, 1, 12, 30, 0)), (item.DtStart!.TzId, item.DtStart.Value));
        Assert.Null(item.RecurrenceRule);
        await (await Carol.Http.GetAsync(path)).AssertForbiddenAsync();
    }

    [Fact]
    public async Task A_skipped_date_leaves_the_listing_and_taking_it_back_restores_it()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        var id = (await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups", SecondFridays())).ReadJsonAsync(HttpStatusCode.Created)).Str("id");

        var skipped = await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups/{id}/exceptions", new { date = "2030-04-12" })).ReadJsonAsync();

        Assert.Equal(["2030-04-12"], skipped.GetProperty("exceptions").EnumerateArray().Select(d => d.GetString()));
        var listed = Assert.Single((await Steps.GetAsync(Bob, $"/api/rooms/{room}/meetups")).Items());
        Assert.DoesNotContain(At(2030, 4, 12, 11), Occurrences(listed));
        Assert.Equal(At(2030, 5, 10, 11), Occurrences(listed)[2]);

        var restored = await (await Alice.Http.DeleteAsync($"/api/rooms/{room}/meetups/{id}/exceptions/2030-04-12")).ReadJsonAsync();
        Assert.Empty(restored.GetProperty("exceptions").EnumerateArray());
        Assert.Equal(At(2030, 4, 12, 11), Occurrences(restored)[2]);
    }

    [Fact]
    public async Task Ending_a_series_with_until_leaves_only_its_dates_up_to_then()
    {
        var room = await Steps.RoomWithAsync(Alice);
        var id = (await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups", SecondFridays())).ReadJsonAsync(HttpStatusCode.Created)).Str("id");

        using var response = await Alice.Http.PutAsJsonAsync($"/api/rooms/{room}/meetups/{id}/repeat",
            new { frequency = "monthly", weekOfMonth = 2, weekdays = new[] { "friday" }, until = "2030-03-31" });

        var ended = await response.ReadJsonAsync();
        Assert.Equal([At(2030, 2, 8, 12), At(2030, 3, 8, 12)], Occurrences(ended));
        var item = Assert.Single(Calendar.Load(await Alice.Http.GetStringAsync($"/api/rooms/{room}/meetups/{id}/calendar.ics"))!.Events);
        Assert.Equal(2, item.GetOccurrences().Count());
    }

    [Fact]
    public async Task A_plain_member_cannot_skip_a_date_or_change_the_series()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        var id = (await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups", SecondFridays())).ReadJsonAsync(HttpStatusCode.Created)).Str("id");

        await (await Bob.Http.PostJsonAsync($"/api/rooms/{room}/meetups/{id}/exceptions", new { date = "2030-04-12" })).AssertForbiddenAsync();
        await (await Bob.Http.PutAsJsonAsync($"/api/rooms/{room}/meetups/{id}/repeat", new { frequency = "weekly" })).AssertForbiddenAsync();

        Assert.Empty(Assert.Single((await Steps.GetAsync(Alice, $"/api/rooms/{room}/meetups")).Items()).GetProperty("exceptions").EnumerateArray());
    }

    [Theory]
    [InlineData("timeZone", "Mars/Olympus_Mons", null, null)]
    [InlineData("repeat.frequency", null, """{"frequency":"daily"}""", null)]
    [InlineData("repeat.weekOfMonth", null, """{"frequency":"monthly","weekOfMonth":6,"weekdays":["friday"]}""", null)]
    [InlineData("repeat.weekOfMonth", null, """{"frequency":"monthly"}""", null)]
    [InlineData("repeat.weekdays", null, """{"frequency":"weekly","weekdays":["friyay"]}""", null)]
    [InlineData("repeat.until", null, """{"frequency":"weekly","until":"2030-12-31","count":3}""", null)]
    [InlineData("repeat.interval", null, """{"frequency":"weekly","interval":0}""", null)]
    [InlineData("exceptions", null, """{"frequency":"monthly","weekOfMonth":2,"weekdays":["friday"]}""", "2030-03-09")]
    [InlineData("exceptions", null, null, "2030-02-01")]
    public async Task A_bad_zone_rule_or_exception_is_refused_and_nothing_is_planned(string field, string? zone, string? repeat, string? exception)
    {
        var room = await Steps.RoomWithAsync(Alice);
        var body = new Dictionary<string, object?>
        {
            ["title"] = "ランチ", ["localStart"] = "2030-02-01T12:00", ["timeZone"] = zone ?? "Asia/Tokyo", ["durationMinutes"] = 60, ["location"] = "",
            ["repeat"] = repeat is null ? null : JsonDocument.Parse(repeat).RootElement,
            ["exceptions"] = exception is null ? null : new[] { exception },
        };

        await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups", body)).AssertInvalidAsync(field);

        Assert.Empty((await Steps.GetAsync(Alice, $"/api/rooms/{room}/meetups")).Items());
    }

    [Fact]
    public async Task Skipping_a_date_that_is_not_one_of_the_series_is_refused()
    {
        var room = await Steps.RoomWithAsync(Alice);
        var id = (await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups", SecondFridays())).ReadJsonAsync(HttpStatusCode.Created)).Str("id");

        await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups/{id}/exceptions", new { date = "2030-04-13" })).AssertInvalidAsync("date");
        await (await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups/{id}/exceptions", new { date = "next friday" })).AssertInvalidAsync("date");

        Assert.Empty(Assert.Single((await Steps.GetAsync(Alice, $"/api/rooms/{room}/meetups")).Items()).GetProperty("exceptions").EnumerateArray());
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static DateTimeOffset[] Occurrences(JsonElement meetup) =>
        meetup.GetProperty("occurrences").EnumerateArray().Select(o => o.GetDateTimeOffset().ToUniversalTime()).ToArray();
}
