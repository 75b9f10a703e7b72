using System.Net;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// What the directory shows of a member who chose: hidden members are left out of listing and search
/// for others; a headline and company kept from a viewer come back as null.
/// </summary>
[Collection(MembersNode.Name)]
public sealed class DirectoryPrivacyTests(MembersNodeFixture fixture)
{
    [Fact]
    public async Task A_new_member_is_listed_and_shows_everything_to_everyone()
    {
        var member = await fixture.NewMemberAsync();

        var me = await member.GetAsync("/api/me");

        Assert.Equal("everyone", me.GetProperty("privacy").Str("fieldsVisibleTo"));
        Assert.True(me.GetProperty("privacy").GetProperty("listed").GetBoolean());
    }

    [Fact]
    public async Task A_hidden_member_is_absent_from_search_and_listing_for_others_but_not_for_the_secretariat_or_themselves()
    {
        var hidden = await fixture.NewMemberAsync();
        await SetAsync(hidden, new { headline = "Hidden marmalade maker", privacy = new { listed = false } });
        var stranger = await fixture.NewMemberAsync();

        Assert.DoesNotContain(hidden.Id, await SearchIdsAsync(stranger, "marmalade"));
        Assert.DoesNotContain(hidden.Id, await ListAllIdsAsync(stranger));
        Assert.Contains(hidden.Id, await SearchIdsAsync(fixture.Secretariat, "marmalade"));
        Assert.Contains(hidden.Id, await ListAllIdsAsync(fixture.Secretariat));
        Assert.Contains(hidden.Id, await SearchIdsAsync(hidden, "marmalade"));
        await (await stranger.Http.GetAsync($"/api/members/{hidden.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_hidden_member_stays_reachable_by_the_members_of_a_room_they_share()
    {
        var hidden = await fixture.NewMemberAsync();
        var roomMate = await fixture.NewMemberAsync();
        await roomMate.PrivateRoomWithAsync(hidden);
        await SetAsync(hidden, new { privacy = new { listed = false } });

        var profile = await roomMate.GetAsync($"/api/members/{hidden.Id}");

        Assert.Equal(hidden.Id, profile.Str("id"));
        Assert.DoesNotContain(hidden.Id, await ListAllIdsAsync(roomMate));
    }

    [Fact]
    public async Task Room_mates_see_the_fields_a_member_keeps_for_room_mates_and_a_stranger_sees_null()
    {
        var member = await fixture.NewMemberAsync();
        await SetAsync(member, new { headline = "Quokka wrangler", currentCompany = "Contoso Zoo", privacy = new { fieldsVisibleTo = "room-mates" } });
        var roomMate = await fixture.NewMemberAsync();
        await member.PrivateRoomWithAsync(roomMate);
        var stranger = await fixture.NewMemberAsync();

        var seenByRoomMate = Assert.Single(await SearchAsync(roomMate, "quokka"), m => m.Str("id") == member.Id);
        var strangerPage = await stranger.GetAsync($"/api/members/{member.Id}");

        Assert.Equal("Quokka wrangler", seenByRoomMate.Str("headline"));
        Assert.Equal("Contoso Zoo", (await roomMate.GetAsync($"/api/members/{member.Id}")).Str("currentCompany"));
        Assert.Equal(JsonValueKind.Null, strangerPage.GetProperty("headline").ValueKind);
        Assert.Equal(JsonValueKind.Null, strangerPage.GetProperty("currentCompany").ValueKind);
        Assert.False(strangerPage.TryGetProperty("privacy", out _));
    }

    [Fact]
    public async Task The_broadcast_channel_does_not_make_members_room_mates_but_a_dm_does()
    {
        var member = await fixture.NewMemberAsync();
        await SetAsync(member, new { headline = "Tapir photographer", privacy = new { fieldsVisibleTo = "room-mates" } });
        var stranger = await fixture.NewMemberAsync();
        var dmPartner = await fixture.NewMemberAsync();
        await (await dmPartner.Http.PostJsonAsync("/api/dms", new { memberId = member.Id })).ReadJsonAsync();

        Assert.Equal(JsonValueKind.Null, (await stranger.GetAsync($"/api/members/{member.Id}")).GetProperty("headline").ValueKind);
        Assert.Equal("Tapir photographer", (await dmPartner.GetAsync($"/api/members/{member.Id}")).Str("headline"));
    }

    [Fact]
    public async Task Fields_kept_from_nobody_are_hidden_from_room_mates_but_not_from_the_secretariat_or_the_member()
    {
        var member = await fixture.NewMemberAsync();
        await SetAsync(member, new { headline = "Secret okapi keeper", currentCompany = "Fabrikam", privacy = new { fieldsVisibleTo = "nobody" } });
        var roomMate = await fixture.NewMemberAsync();
        await member.PrivateRoomWithAsync(roomMate);

        var byRoomMate = Assert.Single(await SearchAsync(roomMate, "okapi"), m => m.Str("id") == member.Id);
        var bySecretariat = await fixture.Secretariat.GetAsync($"/api/members/{member.Id}");
        var byThemselves = await member.GetAsync($"/api/members/{member.Id}");

        Assert.Equal(JsonValueKind.Null, byRoomMate.GetProperty("headline").ValueKind);
        Assert.Equal(JsonValueKind.Null, byRoomMate.GetProperty("currentCompany").ValueKind);
        Assert.Equal("Secret okapi keeper", bySecretariat.Str("headline"));
        Assert.Equal("nobody", bySecretariat.GetProperty("privacy").Str("fieldsVisibleTo"));
        Assert.Equal("Fabrikam", byThemselves.Str("currentCompany"));
    }

    [Fact]
    public async Task Pages_of_the_directory_stay_full_when_members_in_between_are_hidden()
    {
        var word = $"pangolin{Guid.NewGuid():N}"[..20];
        var members = new List<TestMember>();
        for (var i = 0; i < 5; i++)
        {
            var m = await fixture.NewMemberAsync();
            await SetAsync(m, new { headline = word, privacy = new { listed = i % 2 == 0 } });
            members.Add(m);
        }
        var viewer = await fixture.NewMemberAsync();

        var first = await viewer.GetAsync($"/api/members?q={word}&limit=2");
        var second = await viewer.GetAsync($"/api/members?q={word}&limit=2&cursor={first.Str("nextCursor")}");

        Assert.Equal(2, first.Items().Length);
        Assert.Single(second.Items());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal(members.Where((_, i) => i % 2 == 0).Select(m => m.Id).Order(),
            first.Items().Concat(second.Items()).Select(m => m.Str("id")).Order());
    }

    [Fact]
    public async Task An_unknown_audience_is_refused_as_invalid_and_changes_nothing()
    {
        var member = await fixture.NewMemberAsync();

        var response = await member.Http.PatchJsonAsync("/api/me/profile", new { headline = "Changed", privacy = new { fieldsVisibleTo = "friends" } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
        var me = await member.GetAsync("/api/me");
        Assert.Equal("everyone", me.GetProperty("privacy").Str("fieldsVisibleTo"));
        Assert.NotEqual("Changed", me.Str("headline"));
    }

    private static async Task SetAsync(TestMember member, object update) =>
        await (await member.Http.PatchJsonAsync("/api/me/profile", update)).ReadJsonAsync();

    private static async Task<JsonElement[]> SearchAsync(TestMember viewer, string q) =>
        (await viewer.GetAsync($"/api/members?q={Uri.EscapeDataString(q)}&limit=100")).Items();

    private static async Task<string[]> SearchIdsAsync(TestMember viewer, string q) =>
        (await SearchAsync(viewer, q)).Select(m => m.Str("id")).ToArray();

    /// <summary>Every page of the unfiltered directory, by cursor.</summary>
    private static async Task<List<string>> ListAllIdsAsync(TestMember viewer)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await viewer.GetAsync($"/api/members?limit=100{(cursor is null ? "" : $"&cursor={cursor}")}");
            ids.AddRange(page.Items().Select(m => m.Str("id")));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.String ? page.Str("nextCursor") : null;
        } while (cursor is not null);
        return ids;
    }
}
