using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// Opportunities (<c>/api/opportunities</c>): the secretariat posts a job, a project or side work, the broadcast channel
/// announces it, members browse and filter, say "interested" with a note only the poster and the secretariat see, the
/// poster opens a DM from an interest, and a closed one is archived.
/// </summary>
[Collection(MembersNode.Name)]
public sealed class OpportunityTests(MembersNodeFixture fixture)
{
    [Fact]
    public async Task A_job_posted_by_the_secretariat_is_announced_in_the_broadcast_channel()
    {
        var member = await fixture.NewMemberAsync();
        await using var hub = await fixture.Node.ConnectAsync(member);
        var title = $"カムバック採用: バックエンドエンジニア {Steps.Tag()}";

        var posted = await PostAsync(fixture.Secretariat, new { kind = "job", title, location = "東京", remote = true, description = "古巣で再び。", contact = "hr@example.com" });

        var announcement = await hub.WaitForEventAsync("message", m => m.Str("roomId") == Steps.Broadcast && m.Str("clientMsgId") == $"opportunity:{posted.Str("id")}");
        Assert.Contains(title, announcement.Str("text"), StringComparison.Ordinal);
        Assert.Contains($"/opportunities/{posted.Str("id")}", announcement.Str("text"), StringComparison.Ordinal);
        Assert.Equal(announcement.Long("seq"), (await member.GetAsync($"/api/opportunities/{posted.Str("id")}")).Long("announcedSeq"));
        Assert.Equal(("job", "open", fixture.Secretariat.Id), (posted.Str("kind"), posted.Str("status"), posted.Str("postedBy")));
    }

    [Fact]
    public async Task Interest_and_its_note_are_visible_only_to_the_poster_and_the_secretariat()
    {
        var interested = await fixture.NewMemberAsync();
        var other = await fixture.NewMemberAsync();
        var id = (await PostAsync(fixture.Secretariat, Job())).Str("id");

        var mine = await (await interested.Http.PutAsJsonAsync($"/api/opportunities/{id}/interest", new { note = "来春から戻れます" })).ReadJsonAsync();

        Assert.Equal("来春から戻れます", mine.GetProperty("myInterest").Str("note"));
        Assert.Equal(1, mine.GetProperty("interestCount").GetInt32());
        var seenByOther = await other.GetAsync($"/api/opportunities/{id}");
        Assert.Equal(JsonValueKind.Null, seenByOther.GetProperty("myInterest").ValueKind);
        Assert.DoesNotContain("来春から戻れます", seenByOther.ToString(), StringComparison.Ordinal);
        await (await other.Http.GetAsync($"/api/opportunities/{id}/interest")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await interested.Http.GetAsync($"/api/opportunities/{id}/interest")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var listed = Assert.Single((await fixture.Secretariat.GetAsync($"/api/opportunities/{id}/interest")).Items());
        Assert.Equal((interested.Id, "来春から戻れます"), (listed.Str("memberId"), listed.Str("note")));
        var browsed = (await other.GetAsync($"/api/opportunities?q={Uri.EscapeDataString(Title(seenByOther))}")).Items();
        Assert.DoesNotContain("来春から戻れます", string.Join(' ', browsed.Select(b => b.ToString())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_poster_opens_a_dm_from_an_interest_and_the_statistics_count_it()
    {
        var interested = await fixture.NewMemberAsync();
        var before = (await fixture.Secretariat.GetAsync("/api/admin/stats")).GetProperty("opportunities");
        var id = (await PostAsync(fixture.Secretariat, Job())).Str("id");
        await (await interested.Http.PutAsJsonAsync($"/api/opportunities/{id}/interest", new { note = "話を聞きたいです" })).ReadJsonAsync();

        var dm = await (await fixture.Secretariat.Http.PostAsync($"/api/opportunities/{id}/interest/{interested.Id}/dm", null)).ReadJsonAsync();

        Assert.Equal("dm", dm.Str("kind"));
        await using var hub = await fixture.Node.ConnectAsync(fixture.Secretariat);
        await hub.SendTextAsync(dm.Str("id"), "ご関心ありがとうございます");
        Assert.Equal("ご関心ありがとうございます", Assert.Single(await interested.HistoryAsync(dm.Str("id"))).Str("text"));
        var listed = Assert.Single((await fixture.Secretariat.GetAsync($"/api/opportunities/{id}/interest")).Items());
        Assert.Equal(dm.Str("id"), listed.Str("dmRoomId"));
        var after = (await fixture.Secretariat.GetAsync("/api/admin/stats")).GetProperty("opportunities");
        Assert.Equal(Count(before, "posted") + 1, Count(after, "posted"));
        Assert.Equal(Count(before, "interested") + 1, Count(after, "interested"));
        Assert.Equal(Count(before, "contacted") + 1, Count(after, "contacted"));
    }

    [Fact]
    public async Task Members_browse_by_kind_remote_and_words_newest_first_in_pages()
    {
        var tag = Steps.Tag();
        var job = (await PostAsync(fixture.Secretariat, Job($"求人 {tag}"))).Str("id");
        var project = (await PostAsync(fixture.Secretariat, new { kind = "project", title = $"新規事業の相談 {tag}", description = "週1で", remote = true })).Str("id");
        var side = (await PostAsync(fixture.Secretariat, new { kind = "side-work", title = $"翻訳の副業 {tag}", description = "英日", remote = true })).Str("id");
        var member = await fixture.NewMemberAsync();

        Assert.Equal([side, project, job], await IdsAsync(member, $"?q={tag}"));
        Assert.Equal([project], await IdsAsync(member, $"?q={tag}&kind=project"));
        Assert.Equal([side, project], await IdsAsync(member, $"?q={tag}&remote=true"));
        var first = await member.GetAsync($"/api/opportunities?q={tag}&limit=2");
        Assert.Equal([side, project], first.Items().Select(o => o.Str("id")));
        var second = await member.GetAsync($"/api/opportunities?q={tag}&limit=2&cursor={Uri.EscapeDataString(first.Str("nextCursor"))}");
        Assert.Equal([job], second.Items().Select(o => o.Str("id")));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task A_closed_opportunity_is_archived_says_so_and_takes_no_more_interest()
    {
        var tag = Steps.Tag();
        var id = (await PostAsync(fixture.Secretariat, Job($"締め切った求人 {tag}"))).Str("id");
        var member = await fixture.NewMemberAsync();

        var closed = await (await fixture.Secretariat.Http.PostAsync($"/api/opportunities/{id}/close", null)).ReadJsonAsync();

        Assert.Equal("closed", closed.Str("status"));
        Assert.Empty(await IdsAsync(member, $"?q={tag}"));
        Assert.Equal([id], await IdsAsync(member, $"?q={tag}&status=closed"));
        Assert.Equal("closed", (await member.GetAsync($"/api/opportunities/{id}")).Str("status"));
        await (await member.Http.PutAsJsonAsync($"/api/opportunities/{id}/interest", new { note = "" })).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        await (await fixture.Secretariat.Http.PatchAsJsonAsync($"/api/opportunities/{id}", new { title = "再開" })).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Only_the_secretariat_posts_where_the_network_does_not_let_members()
    {
        var member = await fixture.NewMemberAsync();

        var response = await member.Http.PostAsJsonAsync("/api/opportunities", Job());

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var config = await (await fixture.Node.Anonymous.GetAsync("/client/config.json")).ReadJsonAsync();
        Assert.False(config.GetProperty("membersPostOpportunities").GetBoolean());
    }

    [Fact]
    public async Task Only_the_poster_and_the_secretariat_change_or_close_it_and_the_poster_is_not_interested_in_their_own()
    {
        var member = await fixture.NewMemberAsync();
        var id = (await PostAsync(fixture.Secretariat, Job())).Str("id");

        await (await member.Http.PatchAsJsonAsync($"/api/opportunities/{id}", new { title = "乗っ取り" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await member.Http.PostAsync($"/api/opportunities/{id}/close", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await fixture.Secretariat.Http.PutAsJsonAsync($"/api/opportunities/{id}/interest", new { note = "" })).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        var changed = await (await fixture.Secretariat.Http.PatchAsJsonAsync($"/api/opportunities/{id}", new { title = "改題した求人", remote = true })).ReadJsonAsync();
        Assert.Equal(("改題した求人", true), (changed.Str("title"), changed.GetProperty("remote").GetBoolean()));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_named_and_nothing_stored()
    {
        var tag = Steps.Tag();
        var secretariat = fixture.Secretariat;
        foreach (var (body, field) in new (object, string)[]
        {
            (new { kind = "internship", title = $"x {tag}", description = "d" }, "kind"),
            (new { kind = "job", title = "", description = "d" }, "title"),
            (new { kind = "job", title = $"x {tag}" }, "description"),
            (new { kind = "job", title = $"x {tag}", description = "d", closesAt = DateTimeOffset.UtcNow.AddDays(-1) }, "closesAt"),
            (new { kind = "job", title = $"x\u0000{tag}", description = "d" }, "title"),
        })
        {
            var detail = await (await secretariat.Http.PostAsJsonAsync("/api/opportunities", body)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
            Assert.Contains(field, detail, StringComparison.Ordinal);
        }
        Assert.Empty(await IdsAsync(secretariat, $"?q={tag}"));
        await (await secretariat.Http.GetAsync("/api/opportunities?kind=internship")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        await (await secretariat.Http.GetAsync("/api/opportunities?status=pending")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        await (await secretariat.Http.GetAsync("/api/opportunities?cursor=nonsense")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        await (await secretariat.Http.GetAsync("/api/opportunities/op_nosuchthing")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        var id = (await PostAsync(secretariat, Job())).Str("id");
        var member = await fixture.NewMemberAsync();
        await (await member.Http.PutAsJsonAsync($"/api/opportunities/{id}/interest", new { note = new string('長', 1001) })).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        await (await secretariat.Http.PostAsync($"/api/opportunities/{id}/interest/{member.Id}/dm", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    private static object Job(string? title = null) =>
        new { kind = "job", title = title ?? $"営業企画 {Steps.Tag()}", location = "大阪", description = "アルムナイ歓迎", contact = "人事部まで" };

    private static string Title(JsonElement opportunity) => opportunity.Str("title");

    private static int Count(JsonElement figures, string name) => figures.GetProperty(name).GetInt32();

    private static async Task<JsonElement> PostAsync(TestMember poster, object body) =>
        await (await poster.Http.PostAsJsonAsync("/api/opportunities", body)).ReadJsonAsync(HttpStatusCode.Created);

    private static async Task<string[]> IdsAsync(TestMember member, string query) =>
        (await member.GetAsync($"/api/opportunities{query}")).Items().Select(o => o.Str("id")).ToArray();
}
