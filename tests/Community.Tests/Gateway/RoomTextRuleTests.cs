using System.Net;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>Room names, topics, searches and meetups refuse what their text rules refuse, naming the field, and store nothing.</summary>
[Collection(MembersNode.Name)]
public sealed class RoomTextRuleTests(MembersNodeFixture fixture)
{
    [Theory]
    [MemberData(nameof(BadText.Name), MemberType = typeof(BadText))]
    public async Task Room_name_that_breaks_the_name_rule_is_invalid_on_create_and_rename(string why)
    {
        var name = BadText.Of(why, 80);
        var roomId = await Steps.RoomWithAsync(fixture.Alice);
        var roomsBefore = Steps.Ids(await fixture.Alice.MyRoomsAsync());

        var create = await fixture.Alice.Http.PostJsonAsync("/api/rooms", new { name, visibility = "public" });
        var rename = await fixture.Alice.Http.PatchJsonAsync($"/api/rooms/{roomId}", new { name });

        await create.AssertInvalidAsync("name");
        await rename.AssertInvalidAsync("name");
        Assert.Equal(roomsBefore.Order(), Steps.Ids(await fixture.Alice.MyRoomsAsync()).Order());
        Assert.NotEqual(name, (await fixture.Alice.GetAsync($"/api/rooms/{roomId}")).Str("name"));
    }

    [Theory]
    [MemberData(nameof(BadText.OneLine), MemberType = typeof(BadText))]
    public async Task Topic_that_breaks_the_line_rule_is_invalid(string why)
    {
        var roomId = await Steps.RoomWithAsync(fixture.Alice);
        var topic = BadText.Of(why, 500);

        var response = await fixture.Alice.Http.PatchJsonAsync($"/api/rooms/{roomId}", new { topic });

        await response.AssertInvalidAsync("topic");
        Assert.Equal("", (await fixture.Alice.GetAsync($"/api/rooms/{roomId}")).Str("topic"));
    }

    [Theory]
    [MemberData(nameof(BadText.Query), MemberType = typeof(BadText))]
    public async Task Discover_query_q_that_breaks_the_line_rule_is_invalid(string why)
    {
        var response = await fixture.Alice.Http.GetAsync($"/api/rooms/discover?q={Uri.EscapeDataString(BadText.Of(why, 100))}");

        await response.AssertInvalidAsync("q");
    }

    [Theory]
    [MemberData(nameof(BadText.OneLine), MemberType = typeof(BadText))]
    public Task Meetup_title_that_breaks_the_line_rule_is_invalid(string why) =>
        AssertMeetupRefusedAsync("title", new { title = BadText.Of(why, 120), startsAt = DateTimeOffset.UtcNow.AddDays(7), location = "Shibuya" });

    [Theory]
    [MemberData(nameof(BadText.OneLine), MemberType = typeof(BadText))]
    public Task Meetup_location_that_breaks_the_line_rule_is_invalid(string why) =>
        AssertMeetupRefusedAsync("location", new { title = "Lunch", startsAt = DateTimeOffset.UtcNow.AddDays(7), location = BadText.Of(why, 200) });

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2000-01-01T00:00:00Z")]
    [InlineData("2050-01-01T00:00:00Z")]
    public Task Meetup_startsAt_far_from_now_is_invalid(string startsAt) =>
        AssertMeetupRefusedAsync("startsAt", new { title = "Lunch", startsAt, location = "Shibuya" });

    [Fact]
    public async Task A_room_name_is_kept_in_nfc_and_trimmed()
    {
        var room = await fixture.Alice.CreateRoomAsync(" Cafe\u0301 \u3000");

        Assert.Equal("Caf\u00E9", room.Str("name"));
    }

    private async Task AssertMeetupRefusedAsync(string field, object body)
    {
        var roomId = await Steps.RoomWithAsync(fixture.Alice);

        var response = await fixture.Alice.Http.PostJsonAsync($"/api/rooms/{roomId}/meetups", body);

        await response.AssertInvalidAsync(field);
        Assert.Empty((await fixture.Alice.GetAsync($"/api/rooms/{roomId}/meetups")).Items());
    }
}
