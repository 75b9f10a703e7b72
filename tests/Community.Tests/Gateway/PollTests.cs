using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// Polls in a room: posted as a message (the room's seqs stay dense), results live as <c>poll</c> events, votes
/// changed until the poll closes, closing early and at its time; an anonymous poll tells no one who voted what.
/// </summary>
[Collection(MembersNode.Name)]
public sealed class PollTests(MembersNodeFixture fixture)
{
    [Fact]
    public async Task A_polls_live_results_reach_a_second_member_through_the_hub()
    {
        var (alice, bob) = (await fixture.NewMemberAsync(), await fixture.NewMemberAsync());
        var room = await Steps.RoomWithAsync(alice, bob);
        await using var bobHub = await fixture.Node.ConnectAsync(bob);
        var before = (await bobHub.SendTextAsync(room, "ランチの相談")).Long("seq");

        var poll = await CreateAsync(alice, room, new { question = "どこでランチ？", options = new[] { "渋谷", "新宿", "品川" } });
        var posted = await bobHub.WaitForEventAsync("poll", e => e.Str("id") == poll.Str("id"));
        await VoteAsync(alice, room, poll, 1);

        var counted = await bobHub.WaitForEventAsync("poll", e => e.Str("id") == poll.Str("id") && e.GetProperty("voterCount").GetInt32() == 1);
        Assert.Equal(before + 1, poll.Long("seq"));
        var message = await bobHub.WaitForMessageAsync(room, poll.Long("seq"));
        Assert.Equal("📊 どこでランチ？", message.Str("text"));
        Assert.Equal(0, posted.GetProperty("voterCount").GetInt32());
        Assert.Equal([0, 1, 0], Counts(counted));
        Assert.Equal([alice.Id], Steps.StringsOf(counted.GetProperty("options")[1].GetProperty("voters")));
        Assert.False(counted.TryGetProperty("myChoices", out _));
        var after = (await bobHub.SendTextAsync(room, "了解")).Long("seq");
        Assert.Equal(poll.Long("seq") + 1, after);
    }

    [Fact]
    public async Task A_member_changes_their_vote_and_the_counts_follow()
    {
        var (alice, bob) = (await fixture.NewMemberAsync(), await fixture.NewMemberAsync());
        var room = await Steps.RoomWithAsync(alice, bob);
        var poll = await CreateAsync(alice, room, new { question = "Which topics?", options = new[] { "AI", "Careers", "Reunion" }, multiple = true });

        await VoteAsync(bob, room, poll, 0, 2);
        var changed = await VoteAsync(bob, room, poll, 1);

        Assert.Equal([0, 1, 0], Counts(changed));
        Assert.Equal([1], changed.GetProperty("myChoices").EnumerateArray().Select(c => c.GetInt32()).ToArray());
        var seenByAlice = await alice.GetAsync($"/api/rooms/{room}/polls/{poll.Str("id")}");
        Assert.Equal([0, 1, 0], Counts(seenByAlice));
        Assert.Empty(seenByAlice.GetProperty("myChoices").EnumerateArray());
        Assert.Equal(1, seenByAlice.GetProperty("voterCount").GetInt32());
    }

    [Fact]
    public async Task A_single_choice_poll_takes_one_choice_and_a_choice_out_of_range_is_invalid()
    {
        var (alice, bob) = (await fixture.NewMemberAsync(), await fixture.NewMemberAsync());
        var room = await Steps.RoomWithAsync(alice, bob);
        var poll = await CreateAsync(alice, room, new { question = "Yes or no?", options = new[] { "Yes", "No" } });

        await (await PutVoteAsync(bob, room, poll, 0, 1)).AssertInvalidAsync("choices");
        await (await PutVoteAsync(bob, room, poll, 2)).AssertInvalidAsync("choices");

        Assert.Equal(0, (await bob.GetAsync($"/api/rooms/{room}/polls/{poll.Str("id")}")).GetProperty("voterCount").GetInt32());
    }

    [Fact]
    public async Task A_closed_poll_refuses_votes_with_conflict_and_keeps_its_results()
    {
        var (alice, bob, carol) = (await fixture.NewMemberAsync(), await fixture.NewMemberAsync(), await fixture.NewMemberAsync());
        var room = await Steps.RoomWithAsync(alice, bob, carol);
        await using var carolHub = await fixture.Node.ConnectAsync(carol);
        var poll = await CreateAsync(bob, room, new { question = "Date?", options = new[] { "Fri", "Sat" } });
        await VoteAsync(carol, room, poll, 0);

        await (await carol.Http.PostAsync($"/api/rooms/{room}/polls/{poll.Str("id")}/close", null)).AssertForbiddenAsync();
        var closed = await (await alice.Http.PostAsync($"/api/rooms/{room}/polls/{poll.Str("id")}/close", null)).ReadJsonAsync();

        Assert.True(closed.GetProperty("closed").GetBoolean());
        var final = await carolHub.WaitForEventAsync("poll", e => e.Str("id") == poll.Str("id") && e.GetProperty("closed").GetBoolean());
        Assert.Equal([1, 0], Counts(final));
        await (await PutVoteAsync(carol, room, poll, 1)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        await (await PutVoteAsync(bob, room, poll, 1)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(new[] { 1, 0 }, Counts(await carol.GetAsync($"/api/rooms/{room}/polls/{poll.Str("id")}")));
    }

    [Fact]
    public async Task A_timed_poll_closes_at_its_time_with_a_final_poll_event()
    {
        var (alice, bob) = (await fixture.NewMemberAsync(), await fixture.NewMemberAsync());
        var room = await Steps.RoomWithAsync(alice, bob);
        await using var bobHub = await fixture.Node.ConnectAsync(bob);
        var closesAt = DateTimeOffset.UtcNow.AddSeconds(5);
        var poll = await CreateAsync(alice, room, new { question = "Quick one?", options = new[] { "A", "B" }, closesAt });

        var final = await bobHub.WaitForEventAsync("poll", e => e.Str("id") == poll.Str("id") && e.GetProperty("closed").GetBoolean(),
            TimeSpan.FromSeconds(30));

        Assert.Equal(closesAt.ToUnixTimeMilliseconds(), final.GetProperty("closedAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal([0, 0], Counts(final));
        await (await PutVoteAsync(alice, room, poll, 0)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task An_anonymous_poll_tells_no_one_who_voted_what_but_each_member_sees_their_own_choice()
    {
        var (creator, bob, carol) = (await fixture.NewMemberAsync(), await fixture.NewMemberAsync(), await fixture.NewMemberAsync());
        var secretariat = fixture.Secretariat;
        var room = await Steps.RoomWithAsync(creator, bob, carol, secretariat);
        await using var creatorHub = await fixture.Node.ConnectAsync(creator);
        await using var carolHub = await fixture.Node.ConnectAsync(carol);
        await using var secretariatHub = await fixture.Node.ConnectAsync(secretariat);
        var poll = await CreateAsync(creator, room, new { question = "Salary satisfied?", options = new[] { "Yes", "No" }, anonymous = true });
        var pollId = poll.Str("id");

        var bobsOwn = await VoteAsync(bob, room, poll, 1);
        await VoteAsync(carol, room, poll, 0);
        await (await creator.Http.PostAsync($"/api/rooms/{room}/polls/{pollId}/close", null)).ReadJsonAsync();

        Assert.Equal([1], bobsOwn.GetProperty("myChoices").EnumerateArray().Select(c => c.GetInt32()).ToArray());
        foreach (var hub in new[] { creatorHub, carolHub, secretariatHub })
        {
            await hub.WaitForEventAsync("poll", e => e.Str("id") == pollId && e.GetProperty("closed").GetBoolean());
            foreach (var e in Steps.EventsOf(hub, "poll", e => e.Str("id") == pollId))
            {
                Assert.DoesNotContain(bob.Id, e.GetRawText(), StringComparison.Ordinal);
                Assert.All(e.GetProperty("options").EnumerateArray(), o => Assert.False(o.TryGetProperty("voters", out _)));
            }
        }
        foreach (var viewer in new[] { creator, carol, secretariat })
        {
            foreach (var path in new[] { $"/api/rooms/{room}/polls/{pollId}", $"/api/rooms/{room}/polls", $"/api/rooms/{room}/messages", "/api/me/export" })
                Assert.DoesNotContain(bob.Id, (await viewer.GetAsync(path)).GetRawText(), StringComparison.Ordinal);
        }
        var carolSees = await carol.GetAsync($"/api/rooms/{room}/polls/{pollId}");
        Assert.Equal([0], carolSees.GetProperty("myChoices").EnumerateArray().Select(c => c.GetInt32()).ToArray());
        Assert.Equal([1, 1], Counts(carolSees));
        var bobSeesLater = await bob.GetAsync($"/api/rooms/{room}/polls/{pollId}");
        Assert.Equal([1], bobSeesLater.GetProperty("myChoices").EnumerateArray().Select(c => c.GetInt32()).ToArray());
    }

    [Fact]
    public async Task A_member_outside_the_room_neither_votes_nor_sees_its_polls_and_a_muted_member_posts_none()
    {
        var (alice, bob, stranger) = (await fixture.NewMemberAsync(), await fixture.NewMemberAsync(), await fixture.NewMemberAsync());
        var room = await Steps.PrivateRoomWithAsync(alice, bob);
        var poll = await CreateAsync(alice, room, new { question = "Private?", options = new[] { "Yes", "No" } });

        await (await PutVoteAsync(stranger, room, poll, 0)).AssertForbiddenAsync();
        await (await stranger.Http.GetAsync($"/api/rooms/{room}/polls")).AssertForbiddenAsync();
        await (await stranger.Http.PostJsonAsync($"/api/rooms/{room}/polls", new { question = "Mine?", options = new[] { "a", "b" } })).AssertForbiddenAsync();
        await (await bob.Http.PostJsonAsync("/api/rooms/broadcast/polls", new { question = "Everyone?", options = new[] { "a", "b" } })).AssertForbiddenAsync();
        await (await alice.Http.PostJsonAsync($"/api/rooms/{room}/polls", new { question = "One?", options = new[] { "a" } })).AssertInvalidAsync("options");
    }

    [Fact]
    public async Task A_poll_created_again_with_the_same_client_message_id_is_the_first_poll()
    {
        var alice = await fixture.NewMemberAsync();
        var room = await Steps.RoomWithAsync(alice);
        var request = new { question = "Retry?", options = new[] { "a", "b" }, clientMsgId = Steps.NewClientMsgId() };

        var first = await CreateAsync(alice, room, request);
        var again = await CreateAsync(alice, room, request);

        Assert.Equal((first.Str("id"), first.Long("seq")), (again.Str("id"), again.Long("seq")));
        Assert.Single((await alice.GetAsync($"/api/rooms/{room}/polls")).Items());
    }

    private static async Task<JsonElement> CreateAsync(TestMember member, string room, object request) =>
        await (await member.Http.PostJsonAsync($"/api/rooms/{room}/polls", request)).ReadJsonAsync(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> PutVoteAsync(TestMember member, string room, JsonElement poll, params int[] choices) =>
        member.Http.PutAsJsonAsync($"/api/rooms/{room}/polls/{poll.Str("id")}/vote", new { choices });

    private static async Task<JsonElement> VoteAsync(TestMember member, string room, JsonElement poll, params int[] choices) =>
        await (await PutVoteAsync(member, room, poll, choices)).ReadJsonAsync();

    private static int[] Counts(JsonElement poll) => poll.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()).ToArray();
}
