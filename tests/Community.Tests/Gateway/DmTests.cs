using System.Net;
using System.Net.Http.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>DM threads over REST: one per pair of members, with fixed membership.</summary>
[Collection(MembersNode.Name)]
public sealed class DmTests(MembersNodeFixture fixture)
{
    private TestMember Alice => fixture.Alice;

    private TestMember Bob => fixture.Bob;

    private TestMember Carol => fixture.Carol;

    [Fact]
    public async Task Opening_a_dm_answers_200_with_a_room_of_kind_dm()
    {
        var response = await Carol.Http.PostJsonAsync("/api/dms", new { memberId = fixture.Secretariat.Id });

        var dm = await response.ReadJsonAsync();
        Assert.Equal("dm", dm.Str("kind"));
        Assert.Equal("private", dm.Str("visibility"));
        Assert.Equal("member", dm.Str("myRole"));
        Assert.Equal(2, dm.Long("memberCount"));
        Assert.Equal(new[] { $"{Carol.Id}:member", $"{fixture.Secretariat.Id}:member" }.Order(StringComparer.Ordinal),
            Steps.Roles(await Steps.MembersOfAsync(Carol, dm.Str("id"))));
        var seenByOther = Steps.Single(await Steps.MyRoomsAsync(fixture.Secretariat), dm.Str("id"));
        Assert.Equal("dm", seenByOther.Str("kind"));
    }

    [Fact]
    public async Task The_same_pair_always_gets_the_same_dm()
    {
        var first = await Steps.OpenDmAsync(Alice, Bob.Id);
        await using var aliceHub = await fixture.Node.ConnectAsync(Alice);
        var sent = await aliceHub.SendTextAsync(first.Str("id"), "同じスレッド？");

        var fromTheOtherSide = await Steps.OpenDmAsync(Bob, Alice.Id);
        var again = await Steps.OpenDmAsync(Alice, Bob.Id);

        Assert.Equal(first.Str("id"), fromTheOtherSide.Str("id"));
        Assert.Equal(first.Str("id"), again.Str("id"));
        Assert.Equal(sent.Long("seq"), again.Long("lastSeq"));
        Assert.Equal("同じスレッド？", fromTheOtherSide.GetProperty("lastMessage").Str("text"));
        Assert.Single(await Steps.MyRoomsAsync(Alice), r => r.Str("id") == first.Str("id"));
        Assert.Single(await Steps.MyRoomsAsync(Bob), r => r.Str("id") == first.Str("id"));
        Assert.NotEqual(first.Str("id"), (await Steps.OpenDmAsync(Alice, Carol.Id)).Str("id"));
    }

    [Fact]
    public async Task The_other_member_connection_hears_a_new_dm_and_its_messages()
    {
        // Bob and Carol share no DM before this test.
        await using var bobHub = await fixture.Node.ConnectAsync(Bob);
        await using var carolHub = await fixture.Node.ConnectAsync(Carol);

        var dm = (await Steps.OpenDmAsync(Carol, Bob.Id)).Str("id");

        var updated = await bobHub.WaitForEventAsync("roomUpdated", r => r.Str("id") == dm);
        Assert.Equal(("dm", "member"), (updated.Str("kind"), updated.Str("myRole")));
        await carolHub.SendTextAsync(dm, "はじめまして");
        var message = await bobHub.WaitForEventAsync("message", m => m.Str("roomId") == dm);
        Assert.Equal((1L, Carol.Id, "はじめまして"), (message.Long("seq"), message.Str("senderId"), message.Str("text")));
    }

    [Fact]
    public async Task A_dm_with_yourself_is_invalid()
    {
        var response = await Alice.Http.PostJsonAsync("/api/dms", new { memberId = Alice.Id });

        var detail = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        Assert.Contains("memberId", detail);
    }

    [Fact]
    public async Task A_dm_with_an_unknown_member_is_not_found()
    {
        var response = await Alice.Http.PostJsonAsync("/api/dms", new { memberId = "m_nosuchmember000" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_dm_needs_a_member_id()
    {
        var empty = await Alice.Http.PostJsonAsync("/api/dms", new { });
        var nullId = await Alice.Http.PostJsonAsync("/api/dms", new { memberId = (string?)null });
        var blank = await Alice.Http.PostJsonAsync("/api/dms", new { memberId = "" });
        var noBody = await Alice.Http.PostAsync("/api/dms", JsonContent.Create<object?>(null));

        Assert.Contains("memberId", await empty.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid"));
        Assert.Contains("memberId", await nullId.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid"));
        Assert.Contains("memberId", await blank.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid"));
        await noBody.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
    }

    [Fact]
    public async Task A_dm_is_closed_to_a_third_member()
    {
        var dm = (await Steps.OpenDmAsync(Alice, Bob.Id)).Str("id");

        await (await Carol.Http.GetAsync($"/api/rooms/{dm}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Carol.Http.GetAsync($"/api/rooms/{dm}/members")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Carol.Http.GetAsync($"/api/rooms/{dm}/messages")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var discovered = (await Steps.GetAsync(Carol, "/api/rooms/discover")).Items();
        Assert.DoesNotContain(dm, Steps.Ids(discovered));
    }

    [Theory]
    [InlineData("join")]
    [InlineData("leave")]
    [InlineData("rename")]
    [InlineData("add member")]
    [InlineData("remove member")]
    public async Task A_dm_cannot_be_joined_left_renamed_or_have_its_members_changed(string change)
    {
        var dm = (await Steps.OpenDmAsync(Alice, Bob.Id)).Str("id");

        var response = change switch
        {
            "join" => await Carol.Http.PostAsync($"/api/rooms/{dm}/join", null),
            "leave" => await Alice.Http.PostAsync($"/api/rooms/{dm}/leave", null),
            "rename" => await Alice.Http.PatchJsonAsync($"/api/rooms/{dm}", new { name = "Our corner" }),
            "add member" => await Alice.Http.PostJsonAsync($"/api/rooms/{dm}/members", new { memberId = Carol.Id }),
            "remove member" => await Alice.Http.DeleteAsync($"/api/rooms/{dm}/members/{Bob.Id}"),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var after = await Steps.GetAsync(Alice, $"/api/rooms/{dm}");
        Assert.Equal(("dm", "", 2L), (after.Str("kind"), after.Str("name"), after.Long("memberCount")));
        Assert.Equal(new[] { $"{Alice.Id}:member", $"{Bob.Id}:member" }.Order(StringComparer.Ordinal),
            Steps.Roles(await Steps.MembersOfAsync(Bob, dm)));
    }
}
