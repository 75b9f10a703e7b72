using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>Lunch meetups planned in a room: creating, listing and RSVPs over REST, and the <c>meetupUpdated</c> event.</summary>
[Collection(MembersNode.Name)]
public sealed class MeetupTests(MembersNodeFixture fixture)
{
    private TestMember Alice => fixture.Alice;

    private TestMember Bob => fixture.Bob;

    [Fact]
    public async Task The_owner_plans_a_meetup_and_gets_201_with_no_rsvps_yet()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        var startsAt = new DateTimeOffset(2030, 4, 1, 3, 30, 0, TimeSpan.Zero);

        var response = await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups",
            new { title = "渋谷でランチ", startsAt, durationMinutes = 90, location = "渋谷駅 ハチ公口" });

        var meetup = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.False(string.IsNullOrEmpty(meetup.Str("id")));
        Assert.Equal("渋谷でランチ", meetup.Str("title"));
        Assert.Equal(startsAt, StartsAt(meetup));
        Assert.Equal(90, meetup.GetProperty("durationMinutes").GetInt32());
        Assert.Equal("渋谷駅 ハチ公口", meetup.Str("location"));
        Assert.Empty(meetup.GetProperty("rsvps").EnumerateArray());
    }

    [Fact]
    public async Task A_plain_member_cannot_plan_a_meetup()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);

        var response = await Bob.Http.PostJsonAsync($"/api/rooms/{room}/meetups",
            new { title = "勝手にランチ", startsAt = DateTimeOffset.UtcNow.AddDays(3), durationMinutes = 60, location = "新宿" });

        await response.AssertForbiddenAsync();
        Assert.Empty((await Steps.GetAsync(Alice, $"/api/rooms/{room}/meetups")).Items());
    }

    [Theory]
    [InlineData("title")]
    [InlineData("startsAt")]
    [InlineData("durationMinutes")]
    public async Task A_meetup_needs_a_title_a_start_and_a_positive_duration(string field)
    {
        var room = await Steps.RoomWithAsync(Alice);
        var body = new Dictionary<string, object?>
        {
            ["title"] = "品川で朝食",
            ["startsAt"] = DateTimeOffset.UtcNow.AddDays(2),
            ["durationMinutes"] = 60,
            ["location"] = "品川",
        };
        if (field == "durationMinutes") body[field] = 0;
        else body.Remove(field);

        var response = await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups", body);

        await response.AssertInvalidAsync(field);
        Assert.Empty((await Steps.GetAsync(Alice, $"/api/rooms/{room}/meetups")).Items());
    }

    [Fact]
    public async Task Meetups_are_listed_and_upcoming_leaves_out_those_that_have_ended()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        var now = DateTimeOffset.UtcNow;
        var ended = await CreateAsync(room, "先月のランチ", now.AddHours(-3), durationMinutes: 60);
        var later = await CreateAsync(room, "来月のランチ", now.AddDays(30));
        var soon = await CreateAsync(room, "来週のランチ", now.AddDays(7));

        var all = (await Steps.GetAsync(Bob, $"/api/rooms/{room}/meetups")).Items();
        var upcoming = (await Steps.GetAsync(Bob, $"/api/rooms/{room}/meetups?upcoming=true")).Items();

        Assert.Equal([ended, soon, later], all.Select(m => m.Str("id")).ToArray());
        Assert.Equal([soon, later], upcoming.Select(m => m.Str("id")).ToArray());
    }

    [Fact]
    public async Task An_rsvp_answers_the_meetup_with_my_response()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        var meetup = await CreateAsync(room, "丸の内でランチ", DateTimeOffset.UtcNow.AddDays(5));

        var answered = await RsvpAsync(Bob, room, meetup, "going");

        Assert.Equal(meetup, answered.Str("id"));
        Assert.Equal([$"{Bob.Id}:going"], Rsvps(answered));
        var listed = Assert.Single((await Steps.GetAsync(Alice, $"/api/rooms/{room}/meetups")).Items());
        Assert.Equal([$"{Bob.Id}:going"], Rsvps(listed));
    }

    [Fact]
    public async Task Planning_a_meetup_and_each_rsvp_reach_the_rooms_members_as_meetupUpdated()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        await using var bob = await fixture.Node.ConnectAsync(Bob);

        var meetup = await CreateAsync(room, "新宿でランチ", DateTimeOffset.UtcNow.AddDays(5));
        var planned = await bob.WaitForEventAsync("meetupUpdated", m => m.Str("id") == meetup);
        Assert.Equal((room, "新宿でランチ"), (planned.Str("roomId"), planned.Str("title")));
        Assert.Empty(planned.GetProperty("rsvps").EnumerateArray());

        await RsvpAsync(Alice, room, meetup, "going");
        var answered = await bob.WaitForEventAsync("meetupUpdated", m => m.Str("id") == meetup);
        Assert.Equal([$"{Alice.Id}:going"], Rsvps(answered));
    }

    [Fact]
    public async Task Changing_an_rsvp_replaces_the_earlier_answer()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        var meetup = await CreateAsync(room, "横浜でランチ", DateTimeOffset.UtcNow.AddDays(5));
        await RsvpAsync(Alice, room, meetup, "going");
        await RsvpAsync(Bob, room, meetup, "maybe");

        var changed = await RsvpAsync(Bob, room, meetup, "declined");

        Assert.Equal(new[] { $"{Alice.Id}:going", $"{Bob.Id}:declined" }.Order(StringComparer.Ordinal), Rsvps(changed));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("Going")]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_rsvp_must_be_going_maybe_or_declined(string? answer)
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);
        var meetup = await CreateAsync(room, "池袋でランチ", DateTimeOffset.UtcNow.AddDays(5));

        var response = await Bob.Http.PutAsJsonAsync($"/api/rooms/{room}/meetups/{meetup}/rsvp", new { response = answer });

        await response.AssertInvalidAsync("response");
        Assert.Empty(Assert.Single((await Steps.GetAsync(Alice, $"/api/rooms/{room}/meetups")).Items()).GetProperty("rsvps").EnumerateArray());
    }

    [Fact]
    public async Task An_rsvp_to_an_unknown_meetup_is_not_found()
    {
        var room = await Steps.RoomWithAsync(Alice, Bob);

        var response = await Bob.Http.PutAsJsonAsync($"/api/rooms/{room}/meetups/nosuchmeetup/rsvp", new { response = "going" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    private async Task<string> CreateAsync(string room, string title, DateTimeOffset startsAt, int durationMinutes = 60)
    {
        var response = await Alice.Http.PostJsonAsync($"/api/rooms/{room}/meetups", new { title, startsAt, durationMinutes, location = "東京" });
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
    }

    private static async Task<JsonElement> RsvpAsync(TestMember member, string room, string meetup, string response) =>
        await (await member.Http.PutAsJsonAsync($"/api/rooms/{room}/meetups/{meetup}/rsvp", new { response })).ReadJsonAsync();

    private static DateTimeOffset StartsAt(JsonElement meetup) => meetup.GetProperty("startsAt").GetDateTimeOffset();

    /// <summary>Each RSVP as <c>memberId:response</c>, sorted.</summary>
    private static string[] Rsvps(JsonElement meetup) => meetup.GetProperty("rsvps").EnumerateArray()
        .Select(r => $"{r.Str("memberId")}:{r.Str("response")}").Order(StringComparer.Ordinal).ToArray();
}
