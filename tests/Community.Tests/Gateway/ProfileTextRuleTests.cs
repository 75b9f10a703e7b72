using System.Net;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>Each profile field refuses what its text rule refuses, naming the field, and keeps the profile as it was.</summary>
[Collection(MembersNode.Name)]
public sealed class ProfileTextRuleTests(MembersNodeFixture fixture)
{
    [Theory]
    [MemberData(nameof(BadText.Name), MemberType = typeof(BadText))]
    public Task DisplayName_that_breaks_the_name_rule_is_invalid(string why) => AssertRefusedAsync("displayName", BadText.Of(why, 64));

    [Theory]
    [MemberData(nameof(BadText.OneLine), MemberType = typeof(BadText))]
    public Task Headline_that_breaks_the_line_rule_is_invalid(string why) => AssertRefusedAsync("headline", BadText.Of(why, 140));

    [Theory]
    [MemberData(nameof(BadText.OneLine), MemberType = typeof(BadText))]
    public Task CurrentCompany_that_breaks_the_line_rule_is_invalid(string why) => AssertRefusedAsync("currentCompany", BadText.Of(why, 120));

    [Theory]
    [MemberData(nameof(BadText.OneLine), MemberType = typeof(BadText))]
    public Task Status_that_breaks_the_line_rule_is_invalid(string why) => AssertRefusedAsync("status", BadText.Of(why, 140));

    [Theory]
    [MemberData(nameof(BadText.Always), MemberType = typeof(BadText))]
    public Task Bio_that_breaks_the_text_rule_is_invalid(string why) => AssertRefusedAsync("bio", BadText.Of(why, 2000));

    [Theory]
    [MemberData(nameof(BadText.OneLine), MemberType = typeof(BadText))]
    public Task Tags_item_that_breaks_the_line_rule_is_invalid(string why) => AssertRefusedAsync("tags", new[] { "ok", BadText.Of(why, 64) });

    [Theory]
    [MemberData(nameof(BadText.OneLine), MemberType = typeof(BadText))]
    public Task FormerDepartments_item_that_breaks_the_line_rule_is_invalid(string why) =>
        AssertRefusedAsync("formerDepartments", new[] { BadText.Of(why, 64) });

    [Fact]
    public async Task Bio_keeps_newlines_and_tabs_and_every_field_is_kept_in_nfc_and_trimmed()
    {
        var member = await fixture.NewMemberAsync();

        var response = await member.Http.PatchJsonAsync("/api/me/profile", new
        {
            displayName = "  Jose\u0301 ",
            headline = "Cafe\u0301 owner\u3000",
            bio = "line one\n\tline two\r\nline three",
            tags = new[] { " e\u0301 " },
        });

        var profile = await response.ReadJsonAsync();
        Assert.Equal("Jos\u00E9", profile.Str("displayName"));
        Assert.Equal("Caf\u00E9 owner", profile.Str("headline"));
        Assert.Equal("line one\n\tline two\nline three", profile.Str("bio"));
        Assert.Equal(["\u00E9"], profile.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task DisplayName_with_a_lone_surrogate_is_invalid()
    {
        var member = fixture.Carol;
        using var body = new StringContent("{\"displayName\": \"Ta\\ud800ro\"}", System.Text.Encoding.UTF8, "application/json");

        var response = await member.Http.PatchAsync("/api/me/profile", body);

        await response.AssertInvalidAsync("displayName");
    }

    [Theory]
    [MemberData(nameof(BadText.Query), MemberType = typeof(BadText))]
    public async Task Search_query_q_that_breaks_the_line_rule_is_invalid(string why)
    {
        var response = await fixture.Alice.Http.GetAsync($"/api/members?q={Uri.EscapeDataString(BadText.Of(why, 100))}");

        await response.AssertInvalidAsync("q");
    }

    /// <summary>Sent as Carol's: a refusal changes nothing, so her profile stays as every test finds it.</summary>
    private async Task AssertRefusedAsync(string field, object value)
    {
        var member = fixture.Carol;
        var before = await (await member.Http.GetAsync("/api/me")).ReadJsonAsync();

        var response = await member.Http.PatchJsonAsync("/api/me/profile", new Dictionary<string, object> { [field] = value });

        await response.AssertInvalidAsync(field);
        var after = await (await member.Http.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(after));
    }
}
