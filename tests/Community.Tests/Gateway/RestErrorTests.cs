using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

[Collection(SharedNode.Name)]
public sealed class RestErrorTests(SharedNodeFixture fixture)
{
    [Theory]
    [InlineData("{\"handle\": \"someone\", \"password\": ")]
    [InlineData("{handle: someone}")]
    [InlineData("not json at all")]
    [InlineData("{\"handle\": 5, \"password\": \"a-long-password\"}")]
    public async Task A_malformed_json_body_is_an_invalid_problem(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await fixture.Node.Anonymous.PostAsync("/api/auth/login", content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
    }

    [Fact]
    public async Task A_malformed_json_body_from_a_member_is_an_invalid_problem()
    {
        var member = await fixture.Network.SecretariatAsync();
        using var content = new StringContent("{\"name\": \"Reunion\", ", Encoding.UTF8, "application/json");

        var response = await member.Http.PostAsync("/api/rooms", content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_oversized_body_is_too_large_and_a_body_within_the_limit_is_read(bool withContentLength)
    {
        await using var node = await CommunityNode.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Community:Limits:MaxRequestBodyBytes"] = "1024",
        });
        var oversized = new { inviteCode = "ZZZZ-ZZZZ-ZZZZ", handle = "big.body", displayName = "Big Body", password = new string('x', 4096) };
        var withinLimit = new { inviteCode = "ZZZZ-ZZZZ-ZZZZ", handle = "small.body", displayName = "Small Body", password = new string('x', 800) };

        using var oversizedBody = Body(oversized, withContentLength);
        using var withinLimitBody = Body(withinLimit, withContentLength);

        var tooLarge = await node.Anonymous.PostAsync("/api/auth/register", oversizedBody);
        var fits = await node.Anonymous.PostAsync("/api/auth/register", withinLimitBody);

        await tooLarge.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "too_large");
        // The smaller body is read and judged on its content: the made-up code is refused.
        await fits.AssertInvalidAsync("inviteCode");
    }

    [Theory]
    [InlineData("GET", "/api/me")]
    [InlineData("GET", "/api/members")]
    [InlineData("GET", "/api/rooms")]
    [InlineData("POST", "/api/auth/logout")]
    [InlineData("POST", "/api/dms")]
    public async Task A_request_without_a_token_is_an_unauthorized_problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var response = await fixture.Node.Anonymous.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("Bearer made-up-token")]
    [InlineData("Bearer ")]
    [InlineData("Basic c2VjcmV0YXJpYXQ6c2VjcmV0YXJpYXQtcGFzc3dvcmQ=")]
    public async Task A_request_with_an_unknown_token_or_scheme_is_an_unauthorized_problem(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await fixture.Node.Anonymous.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task An_unknown_room_is_a_not_found_problem()
    {
        var member = await fixture.Network.SecretariatAsync();

        var room = await member.Http.GetAsync("/api/rooms/r_nosuchroom");
        var messages = await member.Http.GetAsync("/api/rooms/r_nosuchroom/messages");

        await room.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await messages.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    /// <summary>JSON with a Content-Length, or streamed chunked as <c>JsonContent</c> sends it.</summary>
    private static HttpContent Body(object value, bool withContentLength) => withContentLength
        ? new StringContent(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json")
        : JsonContent.Create(value);
}
