using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway.Audit;

/// <summary>
/// Every action of the secretariat and of room moderators leaves one entry in the audit log, with who did
/// it, to what and when; the secretariat alone reads it, page by page; nothing in the API changes it.
/// </summary>
[Collection(SharedNode.Name)]
public sealed class AuditTests(SharedNodeFixture fixture)
{
    private CommunityNode Node => fixture.Node;

    private Network Network => fixture.Network;

    // One test per action, named after it.

    [Fact]
    public async Task Creating_invitations_is_recorded_with_the_codes()
    {
        var secretariat = await Network.SecretariatAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var codes = (await (await secretariat.Http.PostJsonAsync("/api/admin/invitations", new { count = 2, role = "supporter", note = "同期会" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ToArray();

        var entry = await EntryAsync("invitations.created", e => Steps.StringsOf(e.GetProperty("detail").GetProperty("codes")).SequenceEqual(codes));
        AssertActor(entry, secretariat);
        Assert.True(entry.GetProperty("at").GetDateTimeOffset() >= before);
        var detail = entry.GetProperty("detail");
        Assert.Equal((2, "supporter", "同期会"), (detail.GetProperty("count").GetInt32(), detail.Str("role"), detail.Str("note")));
    }

    [Fact]
    public async Task Revoking_an_invitation_is_recorded()
    {
        var secretariat = await Network.SecretariatAsync();
        var code = (await Network.InviteAsync())[0];

        Assert.Equal(HttpStatusCode.NoContent, (await secretariat.Http.DeleteAsync($"/api/admin/invitations/{code}")).StatusCode);

        AssertActor(await EntryAsync("invitation.revoked", e => e.Str("targetId") == code), secretariat);
    }

    [Fact]
    public async Task Suspending_a_member_is_recorded()
    {
        var secretariat = await Network.SecretariatAsync();
        var member = await Network.JoinAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await secretariat.Http.PostAsync($"/api/admin/members/{member.Id}/suspend", null)).StatusCode);

        var entry = await EntryAsync("member.suspended", e => e.Str("targetId") == member.Id);
        AssertActor(entry, secretariat);
        Assert.Equal(member.Handle, entry.GetProperty("detail").Str("handle"));
    }

    [Fact]
    public async Task Unsuspending_a_member_is_recorded()
    {
        var secretariat = await Network.SecretariatAsync();
        var member = await Network.JoinAsync();
        await secretariat.Http.PostAsync($"/api/admin/members/{member.Id}/suspend", null);

        Assert.Equal(HttpStatusCode.NoContent, (await secretariat.Http.PostAsync($"/api/admin/members/{member.Id}/unsuspend", null)).StatusCode);

        AssertActor(await EntryAsync("member.unsuspended", e => e.Str("targetId") == member.Id), secretariat);
    }

    [Fact]
    public async Task Removing_a_member_from_a_room_is_recorded_and_leaving_it_is_not()
    {
        var owner = await Network.JoinAsync();
        var removed = await Network.JoinAsync();
        var leaver = await Network.JoinAsync();
        var room = await Steps.RoomWithAsync(owner, removed, leaver);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Http.DeleteAsync($"/api/rooms/{room}/members/{removed.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await leaver.Http.PostAsync($"/api/rooms/{room}/leave", null)).StatusCode);

        var entry = await EntryAsync("room.member_removed", e => e.Str("roomId") == room);
        AssertActor(entry, owner);
        Assert.Equal(removed.Id, entry.Str("targetId"));
    }

    [Fact]
    public async Task Deleting_someone_elses_message_is_recorded_and_deleting_ones_own_is_not()
    {
        var owner = await Network.JoinAsync();
        var sender = await Network.JoinAsync();
        var room = await Steps.RoomWithAsync(owner, sender);
        await using var senderHub = await Node.ConnectAsync(sender);
        await using var ownerHub = await Node.ConnectAsync(owner);
        var rude = await senderHub.SendTextAsync(room, "失礼な発言");
        var regretted = await senderHub.SendTextAsync(room, "やっぱり取り消します");

        await ownerHub.InvokeVoidAsync("DeleteMessage", room, rude.Long("seq"));
        await senderHub.InvokeVoidAsync("DeleteMessage", room, regretted.Long("seq"));

        var entry = await EntryAsync("message.deleted", e => e.Str("roomId") == room);
        AssertActor(entry, owner);
        Assert.Equal(sender.Id, entry.Str("targetId"));
        Assert.Equal(rude.Long("seq"), entry.GetProperty("detail").Long("seq"));
    }

    [Fact]
    public async Task Muting_a_member_is_recorded()
    {
        var owner = await Network.JoinAsync();
        var muted = await Network.JoinAsync();
        var room = await Steps.RoomWithAsync(owner, muted);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Http.PostJsonAsync($"/api/rooms/{room}/mutes", new { memberId = muted.Id, minutes = 30 })).StatusCode);

        var entry = await EntryAsync("room.member_muted", e => e.Str("roomId") == room);
        AssertActor(entry, owner);
        Assert.Equal(muted.Id, entry.Str("targetId"));
        var detail = entry.GetProperty("detail");
        Assert.Equal(30, detail.GetProperty("minutes").GetInt32());
        Assert.Equal(entry.GetProperty("at").GetDateTimeOffset().AddMinutes(30), detail.GetProperty("until").GetDateTimeOffset());
    }

    [Fact]
    public async Task Resolving_a_report_is_recorded()
    {
        var secretariat = await Network.SecretariatAsync();
        var owner = await Network.JoinAsync();
        var reporter = await Network.JoinAsync();
        var room = await Steps.RoomWithAsync(owner, reporter);
        await using var ownerHub = await Node.ConnectAsync(owner);
        var message = await ownerHub.SendTextAsync(room, "宣伝です");
        var report = await (await reporter.Http.PostJsonAsync("/api/reports", new { roomId = room, seq = message.Long("seq"), reason = "宣伝" }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var resolved = await (await secretariat.Http.PostJsonAsync($"/api/admin/reports/{report.Str("id")}/resolve", new { outcome = "dismissed", note = "問題なし" }))
            .ReadJsonAsync();

        Assert.Equal("dismissed", resolved.GetProperty("resolution").Str("outcome"));
        var entry = await EntryAsync("report.resolved", e => e.Str("targetId") == report.Str("id"));
        AssertActor(entry, secretariat);
        Assert.Equal(room, entry.Str("roomId"));
        Assert.Equal(("dismissed", "問題なし"), (entry.GetProperty("detail").Str("outcome"), entry.GetProperty("detail").Str("note")));
    }

    [Fact]
    public async Task Adding_a_stamp_pack_is_recorded()
    {
        var secretariat = await Network.SecretariatAsync();

        var pack = await (await UploadPackAsync(secretariat, "監査スタンプ")).ReadJsonAsync(HttpStatusCode.Created);

        var entry = await EntryAsync("stamp_pack.added", e => e.Str("targetId") == pack.Str("id"));
        AssertActor(entry, secretariat);
        Assert.Equal(("監査スタンプ", 1), (entry.GetProperty("detail").Str("name"), entry.GetProperty("detail").GetProperty("stamps").GetInt32()));
    }

    [Fact]
    public async Task Removing_a_stamp_pack_is_recorded()
    {
        var secretariat = await Network.SecretariatAsync();
        var pack = await (await UploadPackAsync(secretariat, "期間限定スタンプ")).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await secretariat.Http.DeleteAsync($"/api/admin/stamp-packs/{pack.Str("id")}")).StatusCode);

        var entry = await EntryAsync("stamp_pack.removed", e => e.Str("targetId") == pack.Str("id"));
        AssertActor(entry, secretariat);
        Assert.Equal("期間限定スタンプ", entry.GetProperty("detail").Str("name"));
    }

    [Fact]
    public async Task The_secretariat_account_from_configuration_is_recorded_as_a_role_grant()
    {
        var secretariat = await Network.SecretariatAsync();

        var entry = await EntryAsync("member.role_granted", e => e.Str("targetId") == secretariat.Id);

        Assert.Equal(JsonValueKind.Null, entry.GetProperty("actorId").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("actorHandle").ValueKind);
        Assert.Equal(("secretariat", CommunityNode.SecretariatHandle, "configuration"),
            (entry.GetProperty("detail").Str("role"), entry.GetProperty("detail").Str("handle"), entry.GetProperty("detail").Str("by")));
    }

    // Reading it

    [Fact]
    public async Task The_audit_log_pages_newest_first_by_before_and_limit_and_filters_by_actor_and_action()
    {
        var code = (await Network.InviteAsync(role: "secretariat"))[0];
        var body = await (await Network.PostRegisterAsync(code, $"office.{Steps.Tag()}")).ReadJsonAsync(HttpStatusCode.Created);
        var office = new TestMember(body.GetProperty("member").Str("id"), body.GetProperty("member").Str("handle"), body.Str("token"), Node.ClientFor(body.Str("token")));
        var notes = new[] { "first", "second", "third" };
        foreach (var note in notes) await (await office.Http.PostJsonAsync("/api/admin/invitations", new { note })).ReadJsonAsync(HttpStatusCode.Created);
        var member = await Network.JoinAsync();
        await office.Http.PostAsync($"/api/admin/members/{member.Id}/suspend", null);

        var newest = await Steps.GetAsync(office, $"/api/admin/audit?actor={office.Id}&action=invitations.created&limit=2");
        var rest = await Steps.GetAsync(office, $"/api/admin/audit?actor={office.Id}&action=invitations.created&limit=2&before={newest.Long("nextBefore")}");
        var everything = (await Steps.GetAsync(office, $"/api/admin/audit?actor={office.Id}")).Items();

        Assert.Equal(["third", "second"], newest.Items().Select(e => e.GetProperty("detail").Str("note")));
        Assert.Equal(["first"], rest.Items().Select(e => e.GetProperty("detail").Str("note")));
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("nextBefore").ValueKind);
        Assert.Equal(["member.suspended", "invitations.created", "invitations.created", "invitations.created"], everything.Select(e => e.Str("action")));
        var ids = everything.Select(e => e.Long("id")).ToArray();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.All(everything, e => Assert.Equal(office.Handle, e.Str("actorHandle")));
    }

    [Fact]
    public async Task Members_and_room_moderators_are_refused_the_audit_log()
    {
        var owner = await Network.JoinAsync();
        await Steps.RoomWithAsync(owner);

        await (await owner.Http.GetAsync("/api/admin/audit")).AssertForbiddenAsync();
        await (await Node.Anonymous.GetAsync("/api/admin/audit")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task The_audit_log_cannot_be_changed_or_emptied_through_the_api()
    {
        var secretariat = await Network.SecretariatAsync();
        var code = (await Network.InviteAsync())[0];
        await secretariat.Http.DeleteAsync($"/api/admin/invitations/{code}");
        var entry = await EntryAsync("invitation.revoked", e => e.Str("targetId") == code);
        var id = entry.Long("id");

        var attempts = new[]
        {
            await secretariat.Http.DeleteAsync("/api/admin/audit"),
            await secretariat.Http.DeleteAsync($"/api/admin/audit/{id}"),
            await secretariat.Http.PostJsonAsync("/api/admin/audit", new { action = "invitation.revoked", targetId = "forged" }),
            await secretariat.Http.PutAsJsonAsync($"/api/admin/audit/{id}", new { targetId = "forged" }),
            await secretariat.Http.PatchJsonAsync($"/api/admin/audit/{id}", new { targetId = "forged" }),
        };

        Assert.All(attempts, response => Assert.False(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {response.StatusCode}"));
        Assert.Equal(entry.GetRawText(), (await EntryAsync("invitation.revoked", e => e.Long("id") == id)).GetRawText());
    }

    [Fact]
    public async Task An_unknown_action_or_a_limit_out_of_range_is_invalid()
    {
        var secretariat = await Network.SecretariatAsync();

        await (await secretariat.Http.GetAsync("/api/admin/audit?action=everything")).AssertInvalidAsync("action");
        await (await secretariat.Http.GetAsync("/api/admin/audit?limit=0")).AssertInvalidAsync("limit");
        await (await secretariat.Http.GetAsync("/api/admin/audit?limit=101")).AssertInvalidAsync("limit");
    }

    /// <summary>The single entry of <paramref name="action"/> that matches, among the newest hundred of that action.</summary>
    private async Task<JsonElement> EntryAsync(string action, Func<JsonElement, bool> match)
    {
        var secretariat = await Network.SecretariatAsync();
        var entries = (await Steps.GetAsync(secretariat, $"/api/admin/audit?action={action}&limit=100")).Items();
        Assert.All(entries, e => Assert.Equal(action, e.Str("action")));
        return Assert.Single(entries, e => match(e));
    }

    private static void AssertActor(JsonElement entry, TestMember actor) =>
        Assert.Equal((actor.Id, actor.Handle), (entry.Str("actorId"), entry.Str("actorHandle")));

    private static async Task<HttpResponseMessage> UploadPackAsync(TestMember by, string name)
    {
        const string svg = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#4db6ac"/></svg>""";
        using var form = new MultipartFormDataContent { { new StringContent(name), "name" } };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(svg));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/svg+xml");
        form.Add(file, "files", "kanpai.svg");
        return await by.Http.PostAsync("/api/admin/stamp-packs", form);
    }
}
