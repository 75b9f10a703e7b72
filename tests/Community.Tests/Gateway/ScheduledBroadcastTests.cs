using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// Broadcasts the secretariat schedules: posted once at their time as the secretariat's ordinary
/// post, listed, changed and cancelled while they wait, refused to everyone else.
/// </summary>
[Collection(MembersNode.Name)]
public sealed class ScheduledBroadcastTests(MembersNodeFixture fixture)
{
    private const string Scheduled = "/api/admin/broadcasts/scheduled";

    /// <summary>Orleans' reminder may tick up to its period (a minute) late when its first tick was missed.</summary>
    private static readonly TimeSpan PostTimeout = TimeSpan.FromSeconds(90);

    private TestMember Secretariat => fixture.Secretariat;

    [Fact]
    public async Task A_scheduled_broadcast_is_posted_once_at_its_time_to_connected_members()
    {
        await using var aliceHub = await fixture.Node.ConnectAsync(fixture.Alice);
        var text = $"来月の総会のお知らせ {Guid.NewGuid():n}";

        var scheduled = await ScheduleAsync(Secretariat, text, DateTimeOffset.UtcNow.AddSeconds(3));

        var post = await aliceHub.WaitForEventAsync("message", m => m.Str("roomId") == Steps.Broadcast && m.Str("text") == text, PostTimeout);
        Assert.Equal((Secretariat.Id, "scheduled:" + scheduled.Str("id")), (post.Str("senderId"), post.Str("clientMsgId")));
        Assert.True(post.GetProperty("sentAt").GetDateTimeOffset() >= scheduled.GetProperty("sendAt").GetDateTimeOffset().AddSeconds(-1));
        Assert.DoesNotContain(await PendingAsync(), s => s.Str("id") == scheduled.Str("id"));

        // Fence: a later one comes; the first has not come again by then.
        var fence = $"フェンス {Guid.NewGuid():n}";
        await ScheduleAsync(Secretariat, fence, DateTimeOffset.UtcNow.AddSeconds(2));
        await aliceHub.WaitForEventAsync("message", m => m.Str("text") == fence, PostTimeout);
        Assert.Single(aliceHub.EventsOf("message", m => m.Str("text") == text));
        Assert.Single(await fixture.Alice.HistoryAsync(Steps.Broadcast), m => m.Str("text") == text);
        await AssertAuditedAsync("broadcast.scheduled", scheduled.Str("id"));
    }

    [Fact]
    public async Task Broadcasts_due_together_are_posted_in_the_order_of_their_times()
    {
        await using var aliceHub = await fixture.Node.ConnectAsync(fixture.Alice);
        var tag = Guid.NewGuid().ToString("n");
        var at = DateTimeOffset.UtcNow.AddSeconds(3);
        // Scheduled in the reverse order of their times, all due at the reminder's first tick.
        await ScheduleAsync(Secretariat, $"三番目 {tag}", at.AddMilliseconds(20));
        await ScheduleAsync(Secretariat, $"二番目 {tag}", at.AddMilliseconds(10));
        await ScheduleAsync(Secretariat, $"一番目 {tag}", at);

        var posts = new List<JsonElement>();
        foreach (var label in new[] { "一番目", "二番目", "三番目" })
            posts.Add(await aliceHub.WaitForEventAsync("message", m => m.Str("text") == $"{label} {tag}", PostTimeout));

        var seqs = posts.Select(p => p.Long("seq")).ToArray();
        Assert.Equal(seqs.Order().ToArray(), seqs);
    }

    [Fact]
    public async Task A_pending_broadcast_is_listed_changed_and_cancelled_before_its_time()
    {
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1);
        var later = await ScheduleAsync(Secretariat, "明後日のお知らせ", tomorrow.AddDays(1));
        var sooner = await ScheduleAsync(Secretariat, "明日のお知らせ", tomorrow);

        var pending = (await PendingAsync()).Where(s => s.Str("id") == later.Str("id") || s.Str("id") == sooner.Str("id")).ToArray();
        Assert.Equal(new[] { sooner.Str("id"), later.Str("id") }, pending.Select(s => s.Str("id")));
        Assert.Equal(("明日のお知らせ", Secretariat.Id), (pending[0].Str("text"), pending[0].Str("authorId")));

        var newTime = tomorrow.AddHours(3);
        var edited = await (await Secretariat.Http.PutAsJsonAsync($"{Scheduled}/{sooner.Str("id")}", new { text = "明日のお知らせ（改訂）", sendAt = newTime }))
            .ReadJsonAsync();
        Assert.Equal("明日のお知らせ（改訂）", edited.Str("text"));
        Assert.Equal(newTime.ToUnixTimeMilliseconds(), edited.GetProperty("sendAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        var textOnly = await (await Secretariat.Http.PutAsJsonAsync($"{Scheduled}/{sooner.Str("id")}", new { text = "明日のお知らせ（再改訂）" })).ReadJsonAsync();
        Assert.Equal(newTime.ToUnixTimeMilliseconds(), textOnly.GetProperty("sendAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal("明日のお知らせ（再改訂）", Assert.Single(await PendingAsync(), s => s.Str("id") == sooner.Str("id")).Str("text"));

        Assert.Equal(HttpStatusCode.NoContent, (await Secretariat.Http.DeleteAsync($"{Scheduled}/{sooner.Str("id")}")).StatusCode);
        Assert.DoesNotContain(await PendingAsync(), s => s.Str("id") == sooner.Str("id"));
        await (await Secretariat.Http.DeleteAsync($"{Scheduled}/{sooner.Str("id")}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await Secretariat.Http.PutAsJsonAsync($"{Scheduled}/{sooner.Str("id")}", new { text = "もう一度" })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        await AssertAuditedAsync("broadcast.schedule_edited", sooner.Str("id"), count: 2);
        await AssertAuditedAsync("broadcast.schedule_cancelled", sooner.Str("id"));
        Assert.Equal(HttpStatusCode.NoContent, (await Secretariat.Http.DeleteAsync($"{Scheduled}/{later.Str("id")}")).StatusCode);
    }

    [Fact]
    public async Task An_edited_broadcast_is_posted_with_its_new_text_at_its_new_time_and_a_cancelled_one_never()
    {
        await using var aliceHub = await fixture.Node.ConnectAsync(fixture.Alice);
        var tag = Guid.NewGuid().ToString("n");
        var edited = await ScheduleAsync(Secretariat, $"古い文面 {tag}", DateTimeOffset.UtcNow.AddDays(1));
        var cancelled = await ScheduleAsync(Secretariat, $"取り消し {tag}", DateTimeOffset.UtcNow.AddSeconds(2));
        Assert.Equal(HttpStatusCode.NoContent, (await Secretariat.Http.DeleteAsync($"{Scheduled}/{cancelled.Str("id")}")).StatusCode);

        await (await Secretariat.Http.PutAsJsonAsync($"{Scheduled}/{edited.Str("id")}", new { text = $"新しい文面 {tag}", sendAt = DateTimeOffset.UtcNow.AddSeconds(3) }))
            .ReadJsonAsync();

        await aliceHub.WaitForEventAsync("message", m => m.Str("text") == $"新しい文面 {tag}", PostTimeout);
        var history = await fixture.Alice.HistoryAsync(Steps.Broadcast);
        Assert.DoesNotContain(history, m => m.Str("text") == $"古い文面 {tag}" || m.Str("text") == $"取り消し {tag}");

        // Once posted, it is no longer the secretariat's to change.
        var detail = await (await Secretariat.Http.PutAsJsonAsync($"{Scheduled}/{edited.Str("id")}", new { text = "遅すぎた" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Contains("posted already", detail);
        await (await Secretariat.Http.DeleteAsync($"{Scheduled}/{edited.Str("id")}")).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task A_broadcast_whose_post_is_already_in_the_channel_is_not_posted_again()
    {
        await using var secretariatHub = await fixture.Node.ConnectAsync(Secretariat);
        await using var aliceHub = await fixture.Node.ConnectAsync(fixture.Alice);
        var text = $"一度だけ {Guid.NewGuid():n}";
        var scheduled = await ScheduleAsync(Secretariat, text, DateTimeOffset.UtcNow.AddSeconds(3));
        // As if the post had been stored before a crash kept it from being marked posted.
        var earlier = await secretariatHub.SendTextAsync(Steps.Broadcast, text, "scheduled:" + scheduled.Str("id"));
        await aliceHub.WaitForEventAsync("message", m => m.Long("seq") == earlier.Long("seq") && m.Str("roomId") == Steps.Broadcast);

        await Eventually.TrueAsync(async () => !(await PendingAsync()).Any(s => s.Str("id") == scheduled.Str("id")), PostTimeout, "the broadcast marked posted");

        var fence = $"フェンス {Guid.NewGuid():n}";
        await ScheduleAsync(Secretariat, fence, DateTimeOffset.UtcNow.AddSeconds(2));
        await aliceHub.WaitForEventAsync("message", m => m.Str("text") == fence, PostTimeout);
        Assert.Single(aliceHub.EventsOf("message", m => m.Str("text") == text));
        Assert.Single(await fixture.Alice.HistoryAsync(Steps.Broadcast), m => m.Str("text") == text);
        var detail = await (await Secretariat.Http.DeleteAsync($"{Scheduled}/{scheduled.Str("id")}")).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Contains($"message {earlier.Long("seq")}", detail);
    }

    [Fact]
    public async Task A_plain_member_may_not_schedule_list_change_or_cancel_broadcasts()
    {
        var scheduled = await ScheduleAsync(Secretariat, "会員には見えない予定", DateTimeOffset.UtcNow.AddDays(2));
        var alice = fixture.Alice.Http;

        await (await alice.PostJsonAsync(Scheduled, new { text = "私も告知したい", sendAt = DateTimeOffset.UtcNow.AddDays(1) })).AssertForbiddenAsync();
        await (await alice.GetAsync(Scheduled)).AssertForbiddenAsync();
        await (await alice.PutAsJsonAsync($"{Scheduled}/{scheduled.Str("id")}", new { text = "書き換え" })).AssertForbiddenAsync();
        await (await alice.DeleteAsync($"{Scheduled}/{scheduled.Str("id")}")).AssertForbiddenAsync();

        Assert.Equal("会員には見えない予定", Assert.Single(await PendingAsync(), s => s.Str("id") == scheduled.Str("id")).Str("text"));
        Assert.Equal(HttpStatusCode.NoContent, (await Secretariat.Http.DeleteAsync($"{Scheduled}/{scheduled.Str("id")}")).StatusCode);
    }

    [Fact]
    public async Task Bad_times_texts_and_ids_get_clear_errors_and_schedule_nothing()
    {
        var http = Secretariat.Http;
        var before = (await PendingAsync()).Length;

        await (await http.PostJsonAsync(Scheduled, new { text = "過去", sendAt = DateTimeOffset.UtcNow.AddMinutes(-1) })).AssertInvalidAsync("sendAt");
        await (await http.PostJsonAsync(Scheduled, new { text = "遠すぎる", sendAt = DateTimeOffset.UtcNow.AddDays(400) })).AssertInvalidAsync("sendAt");
        await (await http.PostJsonAsync(Scheduled, new { text = "時刻なし" })).AssertInvalidAsync("sendAt");
        await (await http.PostJsonAsync(Scheduled, new { text = "形が違う", sendAt = "来週の月曜" })).AssertInvalidAsync("sendAt");
        await (await http.PostJsonAsync(Scheduled, new { text = "", sendAt = DateTimeOffset.UtcNow.AddDays(1) })).AssertInvalidAsync("text");
        await (await http.PostJsonAsync(Scheduled, new { sendAt = DateTimeOffset.UtcNow.AddDays(1) })).AssertInvalidAsync("text");
        await (await http.PostJsonAsync(Scheduled, new { text = new string('あ', 4001), sendAt = DateTimeOffset.UtcNow.AddDays(1) })).AssertInvalidAsync("text");
        await (await http.PutAsJsonAsync($"{Scheduled}/sb_nosuchthing", new { text = "どれ？" })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await http.DeleteAsync($"{Scheduled}/sb_nosuchthing")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        var scheduled = await ScheduleAsync(Secretariat, "正しい予定", DateTimeOffset.UtcNow.AddDays(1));
        var id = scheduled.Str("id");
        await (await http.PutAsJsonAsync($"{Scheduled}/{id}", new { })).AssertInvalidAsync("text");
        await (await http.PutAsJsonAsync($"{Scheduled}/{id}", new { sendAt = DateTimeOffset.UtcNow.AddHours(-1) })).AssertInvalidAsync("sendAt");
        await (await http.PutAsJsonAsync($"{Scheduled}/{id}", new { text = " " })).AssertInvalidAsync("text");
        var unchanged = Assert.Single(await PendingAsync(), s => s.Str("id") == id);
        Assert.Equal(("正しい予定", scheduled.GetProperty("sendAt").GetDateTimeOffset()), (unchanged.Str("text"), unchanged.GetProperty("sendAt").GetDateTimeOffset()));
        Assert.Equal(before + 1, (await PendingAsync()).Length);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"{Scheduled}/{id}")).StatusCode);
    }

    private static async Task<JsonElement> ScheduleAsync(TestMember by, string text, DateTimeOffset sendAt) =>
        await (await by.Http.PostJsonAsync(Scheduled, new { text, sendAt })).ReadJsonAsync(HttpStatusCode.Created);

    private async Task<JsonElement[]> PendingAsync() => (await Secretariat.GetAsync(Scheduled)).Items();

    private async Task AssertAuditedAsync(string action, string scheduledId, int count = 1)
    {
        var entries = (await Secretariat.GetAsync($"/api/admin/audit?action={action}&limit=100")).Items().Where(e => e.Str("targetId") == scheduledId).ToArray();
        Assert.Equal(count, entries.Length);
        Assert.All(entries, e => Assert.Equal((Secretariat.Id, Steps.Broadcast), (e.Str("actorId"), e.Str("roomId"))));
    }
}
