using System.Net;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

public sealed class MembersTests(MemberDirectoryFixture fixture) : IClassFixture<MemberDirectoryFixture>
{
    private Network Network => fixture.Network;

    // One member

    [Fact]
    public async Task A_member_is_found_by_id_with_every_field_of_the_contract()
    {
        var viewer = await Network.SecretariatAsync();

        var member = await (await viewer.Http.GetAsync($"/api/members/{fixture.Kaede.Id}")).ReadJsonAsync();

        Assert.Equal(fixture.Kaede.Id, member.Str("id"));
        Assert.Equal("orchid.k", member.Str("handle"));
        Assert.Equal("Kaede Marlowe", member.Str("displayName"));
        Assert.Equal("alumnus", member.Str("role"));
        Assert.Equal("Zephyr platform architect", member.Str("headline"));
        Assert.Equal("Climbs on weekends.", member.Str("bio"));
        Assert.Equal("Fabrikam Robotics", member.Str("currentCompany"));
        Assert.Equal(["Quantum Logistics", "Sales Planning"], Strings(member.GetProperty("formerDepartments")));
        Assert.Equal(["bouldering", "sake"], Strings(member.GetProperty("tags")));
        Assert.Equal(JsonValueKind.String, member.GetProperty("status").ValueKind);
        Assert.InRange(member.GetProperty("joinedAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.False(member.GetProperty("online").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_member_id_is_not_found()
    {
        var viewer = await Network.SecretariatAsync();

        var response = await viewer.Http.GetAsync("/api/members/m_nosuchmember");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    // Profile

    [Fact]
    public async Task A_profile_update_changes_every_field_given_and_answers_the_member()
    {
        var member = await Network.JoinAsync("profile.all", "Before");

        var response = await member.Http.PatchJsonAsync("/api/me/profile", new
        {
            displayName = "鈴木 一郎",
            headline = "Engineering manager",
            bio = "Back in Osaka.",
            currentCompany = "Northwind",
            formerDepartments = new[] { "R&D", "経営企画部" },
            tags = new[] { "running", "カメラ" },
            status = "Open to coffee chats",
        });

        var updated = await response.ReadJsonAsync();
        var me = await (await member.Http.GetAsync("/api/me")).ReadJsonAsync();
        foreach (var view in new[] { updated, me })
        {
            Assert.Equal(member.Id, view.Str("id"));
            Assert.Equal("鈴木 一郎", view.Str("displayName"));
            Assert.Equal("Engineering manager", view.Str("headline"));
            Assert.Equal("Back in Osaka.", view.Str("bio"));
            Assert.Equal("Northwind", view.Str("currentCompany"));
            Assert.Equal(["R&D", "経営企画部"], Strings(view.GetProperty("formerDepartments")));
            Assert.Equal(["running", "カメラ"], Strings(view.GetProperty("tags")));
            Assert.Equal("Open to coffee chats", view.Str("status"));
            Assert.Equal("profile.all", view.Str("handle"));
        }
    }

    [Fact]
    public async Task A_profile_update_leaves_the_fields_not_given_as_they_were()
    {
        var member = await Network.JoinAsync("profile.part", "Part Name");
        await (await member.Http.PatchJsonAsync("/api/me/profile", new { headline = "First headline", tags = new[] { "golf" } })).ReadJsonAsync();

        var updated = await (await member.Http.PatchJsonAsync("/api/me/profile", new { currentCompany = "Contoso" })).ReadJsonAsync();

        Assert.Equal("Contoso", updated.Str("currentCompany"));
        Assert.Equal("Part Name", updated.Str("displayName"));
        Assert.Equal("First headline", updated.Str("headline"));
        Assert.Equal(["golf"], Strings(updated.GetProperty("tags")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345")]
    public async Task A_display_name_outside_1_to_64_characters_is_invalid_and_changes_nothing(string displayName)
    {
        var member = await Network.JoinAsync(displayName: "Unchanged Name");
        var before = await (await member.Http.GetAsync("/api/me")).ReadJsonAsync();

        var response = await member.Http.PatchJsonAsync("/api/me/profile", new { displayName, headline = "Must not be saved" });

        await response.AssertInvalidAsync("displayName");
        var after = await (await member.Http.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal("Unchanged Name", after.Str("displayName"));
        Assert.Equal(before.Str("headline"), after.Str("headline"));
    }

    [Fact]
    public async Task A_profile_update_without_a_token_is_unauthorized()
    {
        var response = await fixture.Node.Anonymous.PatchJsonAsync("/api/me/profile", new { displayName = "Nobody" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    // Search

    [Theory]
    [InlineData("displayName", "marlowe")]
    [InlineData("handle", "ORCHID")]
    [InlineData("headline", "zEPHYR PLATFORM")]
    [InlineData("currentCompany", "fabrikam rob")]
    [InlineData("formerDepartments", "QUANTUM log")]
    [InlineData("tags", "Boulder")]
    public async Task Search_finds_a_member_by_any_directory_field_in_any_case(string field, string q)
    {
        var viewer = await Network.SecretariatAsync();

        var found = await SearchAsync(viewer, q);

        Assert.True(found.Length == 1 && found[0].Str("id") == fixture.Kaede.Id,
            $"searching {field} for '{q}' found [{string.Join(", ", found.Select(m => m.Str("handle")))}], expected only orchid.k");
    }

    [Fact]
    public async Task Search_finds_a_japanese_name_by_a_substring()
    {
        var viewer = await Network.SecretariatAsync();

        var byFamilyName = await SearchAsync(viewer, "山田");
        var byGivenName = await SearchAsync(viewer, "太郎");

        Assert.Equal([fixture.Yamada.Id], byFamilyName.Select(m => m.Str("id")));
        Assert.Equal([fixture.Yamada.Id], byGivenName.Select(m => m.Str("id")));
        Assert.Equal([fixture.Yamamoto.Id], (await SearchAsync(viewer, "山本")).Select(m => m.Str("id")));
    }

    [Fact]
    public async Task Search_with_full_width_letters_finds_half_width_text()
    {
        var viewer = await Network.SecretariatAsync();

        var found = await SearchAsync(viewer, "ＦＡＢＲＩＫＡＭ");

        Assert.Equal([fixture.Kaede.Id], found.Select(m => m.Str("id")));
    }

    [Fact]
    public async Task Search_that_matches_nobody_answers_an_empty_page_without_a_cursor()
    {
        var viewer = await Network.SecretariatAsync();

        var page = await (await viewer.Http.GetAsync("/api/members?q=no-such-member-anywhere")).ReadJsonAsync();

        Assert.Empty(page.Items());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Search_without_a_token_is_unauthorized()
    {
        var response = await fixture.Node.Anonymous.GetAsync("/api/members?q=orchid");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    // Paging

    [Fact]
    public async Task Pages_of_two_walk_every_member_once_and_end_with_no_cursor()
    {
        var viewer = await Network.SecretariatAsync();
        var everyone = (await (await viewer.Http.GetAsync("/api/members?limit=100")).ReadJsonAsync()).Items().Select(m => m.Str("id")).ToArray();
        Assert.True(everyone.Length >= 4, $"expected at least 4 members to page through, found {everyone.Length}");

        var walked = new List<string>();
        string? cursor = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages <= everyone.Length, "the cursor never ran out");
            var query = cursor is null ? "/api/members?limit=2" : $"/api/members?limit=2&cursor={Uri.EscapeDataString(cursor)}";
            var page = await (await viewer.Http.GetAsync(query)).ReadJsonAsync();
            var items = page.Items();
            Assert.InRange(items.Length, 1, 2);
            walked.AddRange(items.Select(m => m.Str("id")));
            var next = page.GetProperty("nextCursor");
            if (next.ValueKind == JsonValueKind.Null) break;
            Assert.Equal(2, items.Length);
            cursor = next.GetString();
        }

        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Equal(everyone.Order(), walked.Order());
    }

    [Fact]
    public async Task Pages_of_a_search_walk_only_its_matches()
    {
        var viewer = await Network.SecretariatAsync();

        var first = await (await viewer.Http.GetAsync("/api/members?q=yama&limit=1")).ReadJsonAsync();
        var cursor = first.Str("nextCursor");
        var second = await (await viewer.Http.GetAsync($"/api/members?q=yama&limit=1&cursor={Uri.EscapeDataString(cursor)}")).ReadJsonAsync();

        var walked = first.Items().Concat(second.Items()).Select(m => m.Str("id")).Order();
        Assert.Equal(new[] { fixture.Yamada.Id, fixture.Yamamoto.Id }.Order(), walked);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public async Task A_limit_outside_1_to_100_is_invalid_naming_the_limit(int limit)
    {
        var viewer = await Network.SecretariatAsync();

        var response = await viewer.Http.GetAsync($"/api/members?limit={limit}");

        await response.AssertInvalidAsync("limit");
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("a")]
    [InlineData("%%%%")]
    public async Task A_malformed_cursor_is_invalid_naming_the_cursor(string cursor)
    {
        var viewer = await Network.SecretariatAsync();

        var response = await viewer.Http.GetAsync($"/api/members?cursor={Uri.EscapeDataString(cursor)}");

        await response.AssertInvalidAsync("cursor");
    }

    [Fact]
    public async Task A_cursor_the_server_never_gave_out_is_invalid_naming_the_cursor()
    {
        var viewer = await Network.SecretariatAsync();

        // Well-formed base64url, but not a cursor of this server.
        var response = await viewer.Http.GetAsync("/api/members?cursor=not-a-cursor");

        await response.AssertInvalidAsync("cursor");
    }

    private static async Task<JsonElement[]> SearchAsync(TestMember viewer, string q) =>
        (await (await viewer.Http.GetAsync($"/api/members?q={Uri.EscapeDataString(q)}&limit=100")).ReadJsonAsync()).Items();

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
