using System.Net;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// Ids from clients (in paths, bodies and hub arguments) are checked for shape before they name a
/// grain or reach storage: a NUL, a space or a page of text is <c>invalid</c> naming the field, on
/// either store, never a server error.
/// </summary>
[Collection(MembersNode.Name)]
public sealed class IdShapeTests(MembersNodeFixture fixture)
{
    public static readonly TheoryData<string, string, string, string?> RestCalls = new()
    {
        // method, path, field named, body ("{bad}" stands for the id)
        { "GET", "/api/rooms/{bad}", "roomId", null },
        { "PATCH", "/api/rooms/{bad}", "roomId", "{\"name\": \"x\"}" },
        { "POST", "/api/rooms/{bad}/join", "roomId", null },
        { "POST", "/api/rooms/{bad}/leave", "roomId", null },
        { "GET", "/api/rooms/{bad}/members", "roomId", null },
        { "GET", "/api/rooms/{bad}/messages", "roomId", null },
        { "GET", "/api/rooms/{bad}/meetups", "roomId", null },
        { "POST", "/api/rooms/{room}/members", "memberId", "{\"memberId\": \"{bad}\"}" },
        { "DELETE", "/api/rooms/{room}/members/{bad}", "memberId", null },
        { "PUT", "/api/rooms/{room}/meetups/{bad}/rsvp", "meetupId", "{\"response\": \"going\"}" },
        { "POST", "/api/rooms/{room}/mutes", "memberId", "{\"memberId\": \"{bad}\", \"minutes\": 5}" },
        { "POST", "/api/dms", "memberId", "{\"memberId\": \"{bad}\"}" },
        { "POST", "/api/reports", "roomId", "{\"roomId\": \"{bad}\", \"seq\": 1, \"reason\": \"spam\"}" },
        { "GET", "/api/members/{bad}", "id", null },
        { "GET", "/api/stamps/{bad}/image", "stampId", null },
    };

    /// <remarks>
    /// A NUL in a URL's path never reaches the application: Kestrel refuses the request line
    /// itself with a bare 400. In a body it is the application's <c>invalid</c>.
    /// </remarks>
    [Theory]
    [MemberData(nameof(RestCalls))]
    public async Task An_id_with_a_nul_is_a_bad_request_and_in_a_body_invalid_naming_the_field(string method, string path, string field, string? body)
    {
        if (body?.Contains("{bad}", StringComparison.Ordinal) == true)
        {
            await AssertInvalidAsync(method, path, field, body, "Ta\0ro");
            return;
        }
        var roomId = await Steps.RoomWithAsync(fixture.Alice);

        var response = await SendAsync(method, path, body, "Ta\0ro", roomId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await fixture.Alice.HistoryAsync(roomId));
    }

    [Theory]
    [MemberData(nameof(RestCalls))]
    public async Task An_id_with_a_space_or_over_64_characters_is_invalid_naming_the_field(string method, string path, string field, string? body)
    {
        await AssertInvalidAsync(method, path, field, body, "r_a b");
        await AssertInvalidAsync(method, path, field, body, new string('r', 65));
    }

    [Theory]
    [InlineData("POST", "/api/admin/members/{bad}/suspend")]
    [InlineData("POST", "/api/admin/members/{bad}/unsuspend")]
    public async Task A_member_id_of_no_id_shape_is_invalid_for_the_secretariat_too(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{bad}", Uri.EscapeDataString("m_ x"), StringComparison.Ordinal));

        var response = await fixture.Secretariat.Http.SendAsync(request);

        await response.AssertInvalidAsync("id");
    }

    [Theory]
    [InlineData("SendMessage")]
    [InlineData("EditMessage")]
    [InlineData("DeleteMessage")]
    [InlineData("AddReaction")]
    [InlineData("RemoveReaction")]
    [InlineData("MarkRead")]
    [InlineData("Typing")]
    public async Task A_hub_call_with_an_empty_blank_nul_or_10000_character_room_id_is_invalid(string method)
    {
        await using var hub = await fixture.Node.ConnectAsync(fixture.Alice);

        foreach (var roomId in new string?[] { "", "   ", "\0", "r_\0", new string('r', 10_000), null })
        {
            var error = await Steps.AssertHubErrorAsync("invalid", () => hub.InvokeAsync(method, ArgumentsWith(method, roomId)));
            Assert.StartsWith("invalid: roomId: ", error, StringComparison.Ordinal);
        }
        Assert.False(hub.IsClosed);
    }

    private static object?[] ArgumentsWith(string method, string? roomId) => method switch
    {
        "SendMessage" => [roomId, new { clientMsgId = Steps.NewClientMsgId(), text = "hello" }],
        "EditMessage" => [roomId, 1, "edited"],
        "AddReaction" or "RemoveReaction" => [roomId, 1, "👍"],
        "DeleteMessage" or "MarkRead" => [roomId, 1],
        _ => [roomId],
    };

    private async Task AssertInvalidAsync(string method, string path, string field, string? body, string bad)
    {
        var roomId = await Steps.RoomWithAsync(fixture.Alice);

        var response = await SendAsync(method, path, body, bad, roomId);

        await response.AssertInvalidAsync(field);
        Assert.Empty(await fixture.Alice.HistoryAsync(roomId));
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? body, string bad, string roomId)
    {
        var target = path.Replace("{room}", roomId, StringComparison.Ordinal).Replace("{bad}", Uri.EscapeDataString(bad), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), target);
        if (body is not null)
        {
            var json = body.Replace("{bad}", JsonEncodedText.Encode(bad).ToString(), StringComparison.Ordinal);
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }
        return await fixture.Alice.Http.SendAsync(request);
    }
}
