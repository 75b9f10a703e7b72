using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// Network events (<c>/api/events</c>): reunions and seminars the secretariat holds for everyone or for members with
/// given tags, places up to a capacity and then a waiting list that moves up when a place frees, a room for each event,
/// and attendance recorded afterwards.
/// </summary>
[Collection(MembersNode.Name)]
public sealed class NetworkEventTests(MembersNodeFixture fixture)
{
    [Fact]
    public async Task An_event_at_capacity_puts_the_next_on_a_waiting_list_that_moves_up_when_a_place_frees()
    {
        var (first, second, third, fourth) = (await fixture.NewMemberAsync(), await fixture.NewMemberAsync(), await fixture.NewMemberAsync(), await fixture.NewMemberAsync());
        var id = (await CreateAsync(new { title = "秋の同窓会", startsAt = DateTimeOffset.UtcNow.AddDays(30), capacity = 2, location = "渋谷" })).Str("id");
        await using var thirdHub = await fixture.Node.ConnectAsync(third);

        Assert.Equal("going", (await RsvpAsync(first, id, "going")).Str("myStatus"));
        Assert.Equal("going", (await RsvpAsync(second, id, "going")).Str("myStatus"));
        var waiting = await RsvpAsync(third, id, "going");
        var last = await RsvpAsync(fourth, id, "going");

        Assert.Equal(("waitlisted", 1), (waiting.Str("myStatus"), waiting.GetProperty("myWaitlistPosition").GetInt32()));
        Assert.Equal(("waitlisted", 2), (last.Str("myStatus"), last.GetProperty("myWaitlistPosition").GetInt32()));
        Assert.Equal((2, 2), (last.GetProperty("going").GetInt32(), last.GetProperty("waitlisted").GetInt32()));

        Assert.Equal("declined", (await RsvpAsync(first, id, "declined")).Str("myStatus"));

        var moved = await thirdHub.WaitForEventAsync("eventRsvp", e => e.Str("eventId") == id);
        Assert.Equal("going", moved.Str("status"));
        Assert.Equal("going", (await third.GetAsync($"/api/events/{id}")).Str("myStatus"));
        var fourthNow = await fourth.GetAsync($"/api/events/{id}");
        Assert.Equal(("waitlisted", 1), (fourthNow.Str("myStatus"), fourthNow.GetProperty("myWaitlistPosition").GetInt32()));
        var attendees = await fixture.Secretariat.GetAsync($"/api/events/{id}/attendees");
        Assert.Equal([second.Id, third.Id], Ids(attendees, "going"));
        Assert.Equal([fourth.Id], Ids(attendees, "waitlisted"));
        Assert.Equal([first.Id], Ids(attendees, "declined"));
    }

    [Fact]
    public async Task Answering_again_keeps_the_place_and_a_waitlisted_member_who_declines_frees_nothing()
    {
        var (first, second, third) = (await fixture.NewMemberAsync(), await fixture.NewMemberAsync(), await fixture.NewMemberAsync());
        var id = (await CreateAsync(new { title = "少人数の勉強会", startsAt = DateTimeOffset.UtcNow.AddDays(10), capacity = 1 })).Str("id");
        await RsvpAsync(first, id, "going");
        await RsvpAsync(second, id, "going");

        Assert.Equal("going", (await RsvpAsync(first, id, "going")).Str("myStatus"));
        await RsvpAsync(second, id, "declined");
        Assert.Equal(("waitlisted", 1), ((await RsvpAsync(third, id, "going")).Str("myStatus"), (await third.GetAsync($"/api/events/{id}")).GetProperty("myWaitlistPosition").GetInt32()));
        var attendees = await fixture.Secretariat.GetAsync($"/api/events/{id}/attendees");
        Assert.Equal([first.Id], Ids(attendees, "going"));
    }

    [Fact]
    public async Task An_event_for_a_tag_is_seen_and_answered_only_by_members_with_it()
    {
        var tag = $"kansai-{Steps.Tag()}";
        var tagged = await fixture.NewMemberAsync();
        var other = await fixture.NewMemberAsync();
        await (await tagged.Http.PatchAsJsonAsync("/api/me/profile", new { tags = new[] { tag } })).ReadJsonAsync();
        var id = (await CreateAsync(new { title = "関西支部の集まり", startsAt = DateTimeOffset.UtcNow.AddDays(20), invitedTags = new[] { tag } })).Str("id");

        Assert.Contains(id, (await tagged.GetAsync("/api/events")).Items().Select(e => e.Str("id")));
        Assert.DoesNotContain(id, (await other.GetAsync("/api/events")).Items().Select(e => e.Str("id")));
        await (await other.Http.GetAsync($"/api/events/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await other.Http.PutAsJsonAsync($"/api/events/{id}/rsvp", new { response = "going" })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal("going", (await RsvpAsync(tagged, id, "going")).Str("myStatus"));
        Assert.Contains(id, (await fixture.Secretariat.GetAsync("/api/events")).Items().Select(e => e.Str("id")));
    }

    [Fact]
    public async Task Those_going_and_waiting_are_in_the_event_s_room_and_talk_there()
    {
        var (going, waiting, outsider) = (await fixture.NewMemberAsync(), await fixture.NewMemberAsync(), await fixture.NewMemberAsync());
        var created = await CreateAsync(new { title = "新年会", startsAt = DateTimeOffset.UtcNow.AddDays(40), capacity = 1 });
        var (id, room) = (created.Str("id"), created.Str("roomId"));
        await RsvpAsync(going, id, "going");
        await RsvpAsync(waiting, id, "going");

        await using var goingHub = await fixture.Node.ConnectAsync(going);
        await goingHub.SendTextAsync(room, "幹事です、よろしくお願いします");
        Assert.Equal("幹事です、よろしくお願いします", Assert.Single(await waiting.HistoryAsync(room)).Str("text"));
        var members = (await going.MembersOfAsync(room)).Select(m => m.GetProperty("member").Str("id")).ToArray();
        Assert.Contains(going.Id, members);
        Assert.Contains(waiting.Id, members);
        Assert.DoesNotContain(outsider.Id, members);
        await (await outsider.Http.GetAsync($"/api/rooms/{room}/messages")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Attendance_is_recorded_by_the_secretariat_once_the_event_has_started_and_the_statistics_count_it()
    {
        var (came, absent) = (await fixture.NewMemberAsync(), await fixture.NewMemberAsync());
        var before = (await fixture.Secretariat.GetAsync("/api/admin/stats")).GetProperty("events");
        var id = (await CreateAsync(new { title = "セミナー", startsAt = DateTimeOffset.UtcNow.AddSeconds(3) })).Str("id");
        await RsvpAsync(came, id, "going");
        await RsvpAsync(absent, id, "going");

        await Eventually.TrueAsync(async () =>
        {
            using var response = await fixture.Secretariat.Http.PutAsJsonAsync($"/api/events/{id}/attendance", new { memberIds = new[] { came.Id } });
            return response.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30), "attendance recorded once the event started");

        Assert.Equal([came.Id], Ids(await fixture.Secretariat.GetAsync($"/api/events/{id}/attendees"), "attended"));
        await (await absent.Http.PutAsJsonAsync($"/api/events/{id}/rsvp", new { response = "declined" })).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var after = (await fixture.Secretariat.GetAsync("/api/admin/stats")).GetProperty("events");
        Assert.Equal(Count(before, "held") + 1, Count(after, "held"));
        Assert.Equal(Count(before, "going") + 2, Count(after, "going"));
        Assert.Equal(Count(before, "attended") + 1, Count(after, "attended"));
    }

    [Fact]
    public async Task Only_the_secretariat_creates_events_sees_who_comes_and_records_attendance()
    {
        var member = await fixture.NewMemberAsync();
        var id = (await CreateAsync(new { title = "OB会", startsAt = DateTimeOffset.UtcNow.AddDays(5) })).Str("id");

        await (await member.Http.PostAsJsonAsync("/api/events", new { title = "勝手な会", startsAt = DateTimeOffset.UtcNow.AddDays(5) }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.Http.GetAsync($"/api/events/{id}/attendees")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.Http.PutAsJsonAsync($"/api/events/{id}/attendance", new { memberIds = new[] { member.Id } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await fixture.Secretariat.Http.PutAsJsonAsync($"/api/events/{id}/attendance", new { memberIds = new[] { member.Id } }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_named()
    {
        var secretariat = fixture.Secretariat;
        foreach (var (body, field) in new (object, string)[]
        {
            (new { title = "", startsAt = DateTimeOffset.UtcNow.AddDays(1) }, "title"),
            (new { title = "過去の会", startsAt = DateTimeOffset.UtcNow.AddDays(-1) }, "startsAt"),
            (new { title = "定員ゼロ", startsAt = DateTimeOffset.UtcNow.AddDays(1), capacity = 0 }, "capacity"),
            (new { title = "長すぎる会", startsAt = DateTimeOffset.UtcNow.AddDays(1), durationMinutes = 100_000 }, "durationMinutes"),
            (new { title = "タグ", startsAt = DateTimeOffset.UtcNow.AddDays(1), invitedTags = new[] { "" } }, "invitedTags"),
        })
        {
            var detail = await (await secretariat.Http.PostAsJsonAsync("/api/events", body)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
            Assert.Contains(field, detail, StringComparison.Ordinal);
        }
        var id = (await CreateAsync(new { title = "普通の会", startsAt = DateTimeOffset.UtcNow.AddDays(1) })).Str("id");
        var member = await fixture.NewMemberAsync();
        await (await member.Http.PutAsJsonAsync($"/api/events/{id}/rsvp", new { response = "maybe" })).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        await (await member.Http.GetAsync("/api/events/ev_nosuchone")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    private async Task<JsonElement> CreateAsync(object body) =>
        await (await fixture.Secretariat.Http.PostAsJsonAsync("/api/events", body)).ReadJsonAsync(HttpStatusCode.Created);

    private static async Task<JsonElement> RsvpAsync(TestMember member, string id, string response) =>
        await (await member.Http.PutAsJsonAsync($"/api/events/{id}/rsvp", new { response })).ReadJsonAsync();

    private static string[] Ids(JsonElement attendees, string list) => attendees.GetProperty(list).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static int Count(JsonElement figures, string name) => figures.GetProperty(name).GetInt32();
}
