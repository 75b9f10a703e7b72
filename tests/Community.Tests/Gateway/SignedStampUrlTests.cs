using System.Net;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>Stamp images through signed URLs, which an &lt;img&gt; can load without a bearer token.</summary>
[Collection(MembersNode.Name)]
public sealed class SignedStampUrlTests(MembersNodeFixture fixture)
{
    private const string Arigatou = "default.arigatou";

    [Fact]
    public async Task A_signed_image_url_serves_the_image_without_a_token_and_keeps_nosniff_and_sandbox()
    {
        var url = await ImageUrlAsync(Arigatou);

        var response = await fixture.Node.Anonymous.GetAsync(url).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task The_signed_url_of_a_stamp_stays_the_same_between_listings_so_browsers_cache_it()
    {
        Assert.Equal(await ImageUrlAsync(Arigatou), await ImageUrlAsync(Arigatou));
    }

    [Fact]
    public async Task An_image_url_without_a_signature_needs_a_token()
    {
        var response = await fixture.Node.Anonymous.GetAsync($"/api/stamps/{Arigatou}/image").WaitAsync(TimeSpan.FromSeconds(30));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_signature_made_for_one_stamp_does_not_open_another()
    {
        var signed = new Uri(fixture.Node.BaseAddress, await ImageUrlAsync(Arigatou));
        var other = $"/api/stamps/default.otsukaresama/image{signed.Query}";

        var response = await fixture.Node.Anonymous.GetAsync(other).WaitAsync(TimeSpan.FromSeconds(30));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_tampered_expiry_is_refused()
    {
        var signed = await ImageUrlAsync(Arigatou);
        var tampered = System.Text.RegularExpressions.Regex.Replace(signed, @"exp=(\d+)", m => $"exp={long.Parse(m.Groups[1].Value) + 3600}");

        var response = await fixture.Node.Anonymous.GetAsync(tampered).WaitAsync(TimeSpan.FromSeconds(30));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private async Task<string> ImageUrlAsync(string stampId)
    {
        var packs = (await Steps.GetAsync(fixture.Alice, "/api/stamps").WaitAsync(TimeSpan.FromSeconds(30))).GetProperty("packs").EnumerateArray();
        return packs.SelectMany(p => p.GetProperty("stamps").EnumerateArray()).Single(s => s.Str("id") == stampId).Str("imageUrl");
    }
}
