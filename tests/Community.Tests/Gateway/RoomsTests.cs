using System.Net;
using System.Text.Json;
using Community.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Tests.Gateway;

/// <summary>Creating, listing, discovering, reading and changing rooms over REST.</summary>
[Collection(MembersNode.Name)]
public sealed class RoomsTests(MembersNodeFixture fixture)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Creating_a_room_answers_201_with_the_creator_as_its_owner()
    {
        var name = $"Former sales team {Steps.Tag()}";
        var response = await fixture.Alice.Http.PostJsonAsync("/api/rooms",
            new { name, topic = "What are you up to?", visibility = "public" });
        var room = await response.ReadJsonAsync(HttpStatusCode.Created);

        Assert.False(string.IsNullOrEmpty(room.Str("id")));
        Assert.Equal($"/api/rooms/{room.Str("id")}", response.Headers.Location?.OriginalString);
        Assert.Equal("room", room.Str("kind"));
        Assert.Equal(name, room.Str("name"));
        Assert.Equal("What are you up to?", room.Str("topic"));
        Assert.Equal("public", room.Str("visibility"));
        Assert.Equal(fixture.Alice.Id, room.Str("createdBy"));
        Assert.Equal("owner", room.Str("myRole"));
        Assert.Equal(1, room.Long("memberCount"));
        Assert.Equal(0, room.Long("lastSeq"));
        Assert.Equal(0, room.Long("readSeq"));
        Assert.Equal(0, room.Long("unreadCount"));
        Assert.Equal(JsonValueKind.Null, room.GetProperty("lastMessage").ValueKind);
        var members = await Steps.MembersOfAsync(fixture.Alice, room.Str("id"));
        Assert.Equal([$"{fixture.Alice.Id}:owner"], Steps.Roles(members));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_room_needs_a_name(string? name)
    {
        var response = await fixture.Alice.Http.PostJsonAsync("/api/rooms", new { name, visibility = "public" });

        var detail = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        Assert.Contains("name", detail);
    }

    [Fact]
    public async Task A_room_name_may_have_80_characters_but_not_81()
    {
        var eighty = string.Concat(Enumerable.Repeat("同窓会", 26)) + "東京";
        Assert.Equal(80, eighty.Length);

        var room = await Steps.CreateRoomAsync(fixture.Alice, eighty);
        var tooLong = await fixture.Alice.Http.PostJsonAsync("/api/rooms", new { name = eighty + "!", visibility = "public" });

        Assert.Equal(eighty, room.Str("name"));
        var detail = await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        Assert.Contains("name", detail);
    }

    [Fact]
    public async Task A_topic_may_have_500_characters_but_not_501()
    {
        var fiveHundred = new string('話', 500);

        var room = await Steps.CreateRoomAsync(fixture.Alice, "Long topic", topic: fiveHundred);
        var tooLong = await fixture.Alice.Http.PostJsonAsync("/api/rooms",
            new { name = "Longer topic", topic = fiveHundred + "!", visibility = "public" });

        Assert.Equal(fiveHundred, room.Str("topic"));
        var detail = await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        Assert.Contains("topic", detail);
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("Public")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Visibility_must_be_public_or_private(string? visibility)
    {
        var response = await fixture.Alice.Http.PostJsonAsync("/api/rooms", new { name = "Odd visibility", visibility });

        var detail = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        Assert.Contains("visibility", detail);
    }

    [Theory]
    [InlineData("dm")]
    [InlineData("broadcast")]
    [InlineData("party")]
    public async Task Kind_must_be_room_or_meetup(string kind)
    {
        var response = await fixture.Alice.Http.PostJsonAsync("/api/rooms", new { name = "Odd kind", visibility = "public", kind });

        var detail = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        Assert.Contains("kind", detail);
    }

    [Fact]
    public async Task A_meetup_room_can_be_created()
    {
        var room = await Steps.CreateRoomAsync(fixture.Alice, "Friday lunch in Shibuya", "private", "ランチ会", "meetup");

        Assert.Equal("meetup", room.Str("kind"));
        Assert.Equal("private", room.Str("visibility"));
        Assert.Equal("owner", room.Str("myRole"));
        Assert.Equal("meetup", (await Steps.GetAsync(fixture.Alice, $"/api/rooms/{room.Str("id")}")).Str("kind"));
    }

    [Fact]
    public async Task Rooms_need_a_valid_token()
    {
        var response = await fixture.Node.Anonymous.GetAsync("/api/rooms");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task My_rooms_are_every_room_I_belong_to_with_read_state_and_last_message_most_recently_active_first()
    {
        // A clock of our own, so "most recently active" never depends on two steps falling in one millisecond.
        var clock = new ManualTimeProvider();
        await using var node = await CommunityNode.StartAsync(configure: builder => builder.Services.AddSingleton<TimeProvider>(clock));
        var network = new Network(node);
        var hanako = await network.JoinAsync("hanako");
        var taro = await network.JoinAsync("taro");
        await using var hanakoHub = await node.ConnectAsync(hanako);
        await using var taroHub = await node.ConnectAsync(taro);

        clock.Advance(Step);
        var quiet = (await Steps.CreateRoomAsync(hanako, "Quiet corner", "private")).Str("id");
        clock.Advance(Step);
        var lounge = (await Steps.CreateRoomAsync(hanako, "Lounge")).Str("id");
        await Steps.JoinRoomAsync(taro, lounge);
        clock.Advance(Step);
        var dm = (await Steps.OpenDmAsync(taro, hanako.Id)).Str("id");
        clock.Advance(Step);
        var taroOnly = (await Steps.CreateRoomAsync(taro, "Taro's own room")).Str("id");
        clock.Advance(Step);
        await taroHub.SendTextAsync(dm, "お元気ですか", "t1");
        clock.Advance(Step);
        var lastInDm = await taroHub.SendTextAsync(dm, "今度ランチでも", "t2");
        clock.Advance(Step);
        await taroHub.SendTextAsync(lounge, "Hello lounge", "t3");
        clock.Advance(Step);
        var lastInLounge = await hanakoHub.SendTextAsync(lounge, "Welcome!", "h1");

        var rooms = await Steps.MyTalkRoomsAsync(hanako);

        Assert.Equal([lounge, dm, quiet], Steps.Ids(rooms));
        Assert.DoesNotContain(taroOnly, Steps.Ids(rooms));
        var loungeRow = rooms[0];
        Assert.Equal(("room", "owner", 2L), (loungeRow.Str("kind"), loungeRow.Str("myRole"), loungeRow.Long("memberCount")));
        Assert.Equal((2L, 2L, 0L), (loungeRow.Long("lastSeq"), loungeRow.Long("readSeq"), loungeRow.Long("unreadCount")));
        Assert.Equal(lastInLounge.GetRawText(), loungeRow.GetProperty("lastMessage").GetRawText());
        var dmRow = rooms[1];
        Assert.Equal(("dm", "member", 2L), (dmRow.Str("kind"), dmRow.Str("myRole"), dmRow.Long("memberCount")));
        Assert.Equal((2L, 0L, 2L), (dmRow.Long("lastSeq"), dmRow.Long("readSeq"), dmRow.Long("unreadCount")));
        Assert.Equal(lastInDm.GetRawText(), dmRow.GetProperty("lastMessage").GetRawText());
        var quietRow = rooms[2];
        Assert.Equal(("room", "owner", "private"), (quietRow.Str("kind"), quietRow.Str("myRole"), quietRow.Str("visibility")));
        Assert.Equal((0L, 0L, 0L), (quietRow.Long("lastSeq"), quietRow.Long("readSeq"), quietRow.Long("unreadCount")));
        Assert.Equal(JsonValueKind.Null, quietRow.GetProperty("lastMessage").ValueKind);

        // Reading moves my marker; a new message moves the DM to the top.
        await hanakoHub.InvokeVoidAsync("MarkRead", dm, 1);
        var afterRead = Steps.Single(await Steps.MyRoomsAsync(hanako), dm);
        Assert.Equal((2L, 1L, 1L), (afterRead.Long("lastSeq"), afterRead.Long("readSeq"), afterRead.Long("unreadCount")));
        clock.Advance(Step);
        await taroHub.SendTextAsync(dm, "どうでしょう？", "t4");
        var afterMessage = await Steps.MyTalkRoomsAsync(hanako);
        Assert.Equal([dm, lounge, quiet], Steps.Ids(afterMessage));
        Assert.Equal((3L, 1L, 2L), (afterMessage[0].Long("lastSeq"), afterMessage[0].Long("readSeq"), afterMessage[0].Long("unreadCount")));
        Assert.Equal("どうでしょう？", afterMessage[0].GetProperty("lastMessage").Str("text"));
    }

    [Fact]
    public async Task My_rooms_include_the_broadcast_channel()
    {
        var rooms = await Steps.MyRoomsAsync(fixture.Carol);

        var broadcast = Steps.Single(rooms, "broadcast");
        Assert.Equal("broadcast", broadcast.Str("kind"));
    }

    [Fact]
    public async Task Discover_lists_public_rooms_only_never_private_rooms_or_dms()
    {
        var tag = Steps.Tag();
        var open = (await Steps.CreateRoomAsync(fixture.Alice, $"Open house {tag}")).Str("id");
        var meetup = (await Steps.CreateRoomAsync(fixture.Alice, $"Open lunch {tag}", kind: "meetup")).Str("id");
        var closed = (await Steps.CreateRoomAsync(fixture.Alice, $"Closed door {tag}", "private")).Str("id");
        var dm = (await Steps.OpenDmAsync(fixture.Alice, fixture.Bob.Id)).Str("id");

        var all = (await Steps.GetAsync(fixture.Carol, "/api/rooms/discover")).Items();
        var tagged = (await Steps.GetAsync(fixture.Carol, $"/api/rooms/discover?q={tag}")).Items();

        Assert.Contains(open, Steps.Ids(all));
        Assert.Contains(meetup, Steps.Ids(all));
        Assert.DoesNotContain(closed, Steps.Ids(all));
        Assert.DoesNotContain(dm, Steps.Ids(all));
        Assert.All(all, room => Assert.Equal("public", room.Str("visibility")));
        Assert.All(all, room => Assert.Contains(room.Str("kind"), new[] { "room", "meetup" }));
        Assert.Equal(new[] { open, meetup }.Order(), Steps.Ids(tagged).Order());
        var seenByStranger = Steps.Single(tagged, open);
        Assert.Equal(JsonValueKind.Null, seenByStranger.GetProperty("myRole").ValueKind);
        Assert.Equal(1, seenByStranger.Long("memberCount"));
    }

    [Fact]
    public async Task Discover_filters_by_name_or_topic_including_Japanese_substrings()
    {
        var tag = Steps.Tag();
        var tokyo = (await Steps.CreateRoomAsync(fixture.Alice, $"東京支部の同窓会 {tag}", topic: "毎月の集まり")).Str("id");
        var osaka = (await Steps.CreateRoomAsync(fixture.Alice, $"Osaka branch {tag}", topic: "関西で飲み会をしましょう")).Str("id");
        var other = (await Steps.CreateRoomAsync(fixture.Alice, $"Unrelated {tag}", topic: "nothing to see")).Str("id");
        string[] mine = [tokyo, osaka, other];

        async Task<string[]> DiscoverAsync(string q) =>
            Steps.Ids((await Steps.GetAsync(fixture.Bob, $"/api/rooms/discover?q={Uri.EscapeDataString(q)}")).Items())
                .Where(id => mine.Contains(id)).Order().ToArray();

        Assert.Equal([tokyo], await DiscoverAsync("支部の同"));
        Assert.Equal([tokyo], await DiscoverAsync("毎月"));
        Assert.Equal([osaka], await DiscoverAsync("飲み会"));
        Assert.Equal([osaka], await DiscoverAsync("OSAKA Branch"));
        Assert.Equal(mine.Order().ToArray(), await DiscoverAsync(tag));
        Assert.Empty(await DiscoverAsync($"名古屋 {tag}"));
    }

    [Theory]
    [InlineData("Karaoke club", "Karaoke")]
    [InlineData("ＯＢ会 東京", "ＯＢ会")]
    [InlineData("Ärzte-Stammtisch", "Ärzte")]
    [InlineData("ｶﾗｵｹ部", "ｶﾗｵｹ")]
    public async Task Discover_finds_a_room_by_the_very_text_of_its_name(string name, string query)
    {
        var tag = Steps.Tag();
        var room = (await Steps.CreateRoomAsync(fixture.Alice, $"{name} {tag}")).Str("id");

        var found = (await Steps.GetAsync(fixture.Bob, $"/api/rooms/discover?q={Uri.EscapeDataString(query)}")).Items();

        Assert.Contains(room, Steps.Ids(found));
    }

    [Fact]
    public async Task A_member_of_a_private_room_can_get_it()
    {
        var room = (await Steps.CreateRoomAsync(fixture.Alice, "Inner circle", "private")).Str("id");
        await Steps.AddMemberAsync(fixture.Alice, room, fixture.Bob.Id);

        var seen = await Steps.GetAsync(fixture.Bob, $"/api/rooms/{room}");

        Assert.Equal(room, seen.Str("id"));
        Assert.Equal("Inner circle", seen.Str("name"));
        Assert.Equal("member", seen.Str("myRole"));
        Assert.Equal(2, seen.Long("memberCount"));
    }

    [Fact]
    public async Task Any_member_can_get_a_public_room_without_belonging_to_it()
    {
        var room = (await Steps.CreateRoomAsync(fixture.Alice, "Open to all", topic: "誰でもどうぞ")).Str("id");

        var seen = await Steps.GetAsync(fixture.Carol, $"/api/rooms/{room}");

        Assert.Equal(room, seen.Str("id"));
        Assert.Equal("誰でもどうぞ", seen.Str("topic"));
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("myRole").ValueKind);
        Assert.Equal(1, seen.Long("memberCount"));
    }

    [Fact]
    public async Task A_private_room_is_forbidden_to_a_non_member()
    {
        var room = (await Steps.CreateRoomAsync(fixture.Alice, "Board only", "private")).Str("id");

        var response = await fixture.Carol.Http.GetAsync($"/api/rooms/{room}");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("r_nosuchroom00000")]
    [InlineData("d_000000000000000000000000")]
    [InlineData("whatever")]
    public async Task An_unknown_room_is_not_found(string id)
    {
        var response = await fixture.Alice.Http.GetAsync($"/api/rooms/{id}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task The_owner_can_rename_a_room_and_change_its_topic()
    {
        var room = (await Steps.CreateRoomAsync(fixture.Alice, "Old name", topic: "old topic")).Str("id");

        var renamed = await (await fixture.Alice.Http.PatchJsonAsync($"/api/rooms/{room}", new { name = "New name" })).ReadJsonAsync();
        var retopiced = await (await fixture.Alice.Http.PatchJsonAsync($"/api/rooms/{room}", new { topic = "新しい話題" })).ReadJsonAsync();

        Assert.Equal(("New name", "old topic"), (renamed.Str("name"), renamed.Str("topic")));
        Assert.Equal(("New name", "新しい話題"), (retopiced.Str("name"), retopiced.Str("topic")));
        Assert.Equal("owner", retopiced.Str("myRole"));
        var stored = await Steps.GetAsync(fixture.Alice, $"/api/rooms/{room}");
        Assert.Equal(("New name", "新しい話題"), (stored.Str("name"), stored.Str("topic")));
    }

    [Fact]
    public async Task The_secretariat_can_change_a_room_it_does_not_belong_to()
    {
        var room = (await Steps.CreateRoomAsync(fixture.Alice, "Needs a better name", "private")).Str("id");

        var response = await fixture.Secretariat.Http.PatchJsonAsync($"/api/rooms/{room}", new { name = "Class of 2019", topic = "公式" });

        var changed = await response.ReadJsonAsync();
        Assert.Equal(("Class of 2019", "公式"), (changed.Str("name"), changed.Str("topic")));
        var seenByOwner = await Steps.GetAsync(fixture.Alice, $"/api/rooms/{room}");
        Assert.Equal(("Class of 2019", "公式"), (seenByOwner.Str("name"), seenByOwner.Str("topic")));
    }

    [Fact]
    public async Task A_plain_member_or_a_non_member_cannot_change_a_room()
    {
        var room = (await Steps.CreateRoomAsync(fixture.Alice, "Keep this name")).Str("id");
        await Steps.JoinRoomAsync(fixture.Bob, room);

        var byMember = await fixture.Bob.Http.PatchJsonAsync($"/api/rooms/{room}", new { name = "Bob's room" });
        var byStranger = await fixture.Carol.Http.PatchJsonAsync($"/api/rooms/{room}", new { topic = "Carol's topic" });

        await byMember.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await byStranger.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var stored = await Steps.GetAsync(fixture.Alice, $"/api/rooms/{room}");
        Assert.Equal(("Keep this name", ""), (stored.Str("name"), stored.Str("topic")));
    }

    [Fact]
    public async Task Changing_a_room_keeps_to_the_name_and_topic_limits()
    {
        var room = (await Steps.CreateRoomAsync(fixture.Alice, "Within limits")).Str("id");
        var eighty = new string('名', 80);

        var empty = await fixture.Alice.Http.PatchJsonAsync($"/api/rooms/{room}", new { name = "" });
        var tooLong = await fixture.Alice.Http.PatchJsonAsync($"/api/rooms/{room}", new { name = eighty + "!" });
        var topicTooLong = await fixture.Alice.Http.PatchJsonAsync($"/api/rooms/{room}", new { topic = new string('話', 501) });

        Assert.Contains("name", await empty.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid"));
        Assert.Contains("name", await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid"));
        Assert.Contains("topic", await topicTooLong.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid"));
        Assert.Equal("Within limits", (await Steps.GetAsync(fixture.Alice, $"/api/rooms/{room}")).Str("name"));
        var longest = await (await fixture.Alice.Http.PatchJsonAsync($"/api/rooms/{room}", new { name = eighty })).ReadJsonAsync();
        Assert.Equal(eighty, longest.Str("name"));
    }

    [Fact]
    public async Task Changing_an_unknown_room_is_not_found()
    {
        var response = await fixture.Secretariat.Http.PatchJsonAsync("/api/rooms/r_nosuchroom00000", new { name = "Anything" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Every_member_connection_hears_roomUpdated_with_the_new_name()
    {
        var room = (await Steps.CreateRoomAsync(fixture.Alice, "Before the rename")).Str("id");
        await Steps.JoinRoomAsync(fixture.Bob, room);
        await using var aliceHub = await fixture.Node.ConnectAsync(fixture.Alice);
        await using var bobHub = await fixture.Node.ConnectAsync(fixture.Bob);
        await using var bobSecondHub = await fixture.Node.ConnectAsync(fixture.Bob, tokenInQueryString: true);
        await using var carolHub = await fixture.Node.ConnectAsync(fixture.Carol);

        await (await fixture.Alice.Http.PatchJsonAsync($"/api/rooms/{room}", new { name = "After the rename" })).ReadJsonAsync();

        bool Renamed(JsonElement r) => r.Str("id") == room && r.Str("name") == "After the rename";
        var toAlice = await aliceHub.WaitForEventAsync("roomUpdated", Renamed);
        var toBob = await bobHub.WaitForEventAsync("roomUpdated", Renamed);
        var toBobAgain = await bobSecondHub.WaitForEventAsync("roomUpdated", Renamed);
        Assert.Equal("owner", toAlice.Str("myRole"));
        Assert.Equal("member", toBob.Str("myRole"));
        Assert.Equal("member", toBobAgain.Str("myRole"));
        Assert.Equal(2, toBob.Long("memberCount"));

        // Events reach a connection in the order they were published: Carol, added after the
        // rename, hears her own join but never the rename she was not there for.
        await Steps.AddMemberAsync(fixture.Alice, room, fixture.Carol.Id);
        await carolHub.WaitForEventAsync("membership", m => m.Str("roomId") == room && m.Str("memberId") == fixture.Carol.Id);
        await carolHub.WaitForEventAsync("roomUpdated", r => r.Str("id") == room && r.Str("myRole") == "member");
        Assert.Single(carolHub.Events, e => e.Target == "roomUpdated" && e.Arg.Str("id") == room);
    }
}
