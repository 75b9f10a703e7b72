using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// What a member is open to (comeback, projects, side work, mentoring, speaking): theirs to set, shown and
/// filtered by in the directory to whom they show their headline, always to the secretariat.
/// </summary>
[Collection(MembersNode.Name)]
public sealed class OpenToTests(MembersNodeFixture fixture)
{
    [Fact]
    public async Task The_directory_filtered_by_open_to_finds_the_members_open_to_any_of_the_kinds_asked()
    {
        var word = $"opento{Guid.NewGuid():N}"[..20];
        var projects = await NewAsync(word, ["projects", "mentoring"]);
        var speaking = await NewAsync(word, ["speaking"]);
        var nothing = await NewAsync(word, []);
        var viewer = await fixture.NewMemberAsync();

        var forProjects = await IdsAsync(viewer, $"q={word}&openTo=projects");
        var forEither = await IdsAsync(viewer, $"q={word}&openTo=projects&openTo=speaking");
        var commaSeparated = await IdsAsync(viewer, $"q={word}&openTo=mentoring,speaking");

        Assert.Equal([projects.Id], forProjects);
        Assert.Equal(new[] { projects.Id, speaking.Id }.Order(), forEither.Order());
        Assert.Equal(new[] { projects.Id, speaking.Id }.Order(), commaSeparated.Order());
        Assert.DoesNotContain(nothing.Id, forEither);
        var shown = Assert.Single((await viewer.GetAsync($"/api/members?q={word}&openTo=projects")).Items());
        Assert.Equal(["projects", "mentoring"], shown.GetProperty("openTo").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task Open_to_kept_from_others_is_neither_shown_nor_found_by_the_filter_but_the_secretariat_sees_it()
    {
        var word = $"opento{Guid.NewGuid():N}"[..20];
        var member = await NewAsync(word, ["comeback"]);
        await (await member.Http.PatchJsonAsync("/api/me/profile", new { privacy = new { fieldsVisibleTo = "nobody" } })).ReadJsonAsync();
        var stranger = await fixture.NewMemberAsync();

        var strangerSees = Assert.Single((await stranger.GetAsync($"/api/members?q={word}")).Items());
        var bySecretariat = await IdsAsync(fixture.Secretariat, $"q={word}&openTo=comeback");
        var byThemselves = await member.GetAsync("/api/me");

        Assert.Equal(JsonValueKind.Null, strangerSees.GetProperty("openTo").ValueKind);
        Assert.Empty(await IdsAsync(stranger, $"q={word}&openTo=comeback"));
        Assert.Equal([member.Id], bySecretariat);
        Assert.Equal(["comeback"], byThemselves.GetProperty("openTo").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task Room_mates_find_a_member_who_shows_open_to_to_room_mates()
    {
        var word = $"opento{Guid.NewGuid():N}"[..20];
        var member = await NewAsync(word, ["side-work"]);
        await (await member.Http.PatchJsonAsync("/api/me/profile", new { privacy = new { fieldsVisibleTo = "room-mates" } })).ReadJsonAsync();
        var roomMate = await fixture.NewMemberAsync();
        await member.PrivateRoomWithAsync(roomMate);
        var stranger = await fixture.NewMemberAsync();

        Assert.Equal([member.Id], await IdsAsync(roomMate, $"q={word}&openTo=side-work"));
        Assert.Empty(await IdsAsync(stranger, $"q={word}&openTo=side-work"));
    }

    [Fact]
    public async Task Open_to_is_cleared_with_an_empty_list_and_an_unknown_kind_is_invalid_and_changes_nothing()
    {
        var member = await NewAsync($"opento{Guid.NewGuid():N}"[..20], ["mentoring"]);

        await (await member.Http.PatchJsonAsync("/api/me/profile", new { openTo = new[] { "mentoring", "lunch" } })).AssertInvalidAsync("openTo");
        Assert.Equal(["mentoring"], (await member.GetAsync("/api/me")).GetProperty("openTo").EnumerateArray().Select(e => e.GetString()!).ToArray());
        await (await member.Http.GetAsync("/api/members?openTo=lunch")).AssertInvalidAsync("openTo");

        var cleared = await (await member.Http.PatchJsonAsync("/api/me/profile", new { openTo = Array.Empty<string>() })).ReadJsonAsync();

        Assert.Empty(cleared.GetProperty("openTo").EnumerateArray());
    }

    private async Task<TestMember> NewAsync(string headline, string[] openTo)
    {
        var member = await fixture.NewMemberAsync();
        var me = await (await member.Http.PatchJsonAsync("/api/me/profile", new { headline, openTo })).ReadJsonAsync();
        Assert.Equal(openTo, me.GetProperty("openTo").EnumerateArray().Select(e => e.GetString()!).ToArray());
        return member;
    }

    private static async Task<string[]> IdsAsync(TestMember viewer, string query) =>
        (await viewer.GetAsync($"/api/members?{query}&limit=100")).Items().Select(m => m.Str("id")).ToArray();
}
