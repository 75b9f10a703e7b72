using System.Net;
using System.Text.Json;
using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Community.Tests.Gateway;

/// <summary>The steps the messaging tests repeat: sending, receiving, reading history and rooms, asserting hub errors.</summary>
internal static class Chat
{
    /// <summary>Settings for nodes whose tests are not about the send rate: a burst no test reaches.</summary>
    public static readonly IDictionary<string, string?> UnlimitedSends = new Dictionary<string, string?>
    {
        ["Community:Limits:MessageBurst"] = "100000",
        ["Community:Limits:MessagesPerSecond"] = "100000",
    };

    /// <summary>How long a whole batch of concurrent calls may take, each call having its own timeout too.</summary>
    public static readonly TimeSpan BatchTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Connects and returns once the connection hears its rooms (the server's <c>ready</c> event).</summary>
    public static Task<HubTestClient> ConnectReadyAsync(this CommunityNode node, TestMember member, bool tokenInQueryString = false) =>
        node.ConnectAsync(member.Token, tokenInQueryString);

    public static Task<JsonElement> SendTextAsync(this HubTestClient hub, string roomId, string text, string? clientMsgId = null) =>
        hub.InvokeAsync("SendMessage", roomId, new { clientMsgId = clientMsgId ?? NewClientMsgId(), text });

    public static string NewClientMsgId() => Guid.NewGuid().ToString("n");

    /// <summary>The <c>message</c> event of <paramref name="roomId"/> with <paramref name="seq"/>.</summary>
    public static Task<JsonElement> WaitForMessageAsync(this HubTestClient hub, string roomId, long seq) =>
        hub.WaitForEventAsync("message", m => m.Str("roomId") == roomId && m.Long("seq") == seq);

    /// <summary>The next <paramref name="count"/> <c>message</c> events of the room, in arrival order.</summary>
    public static async Task<JsonElement[]> ReceiveMessagesAsync(this HubTestClient hub, string roomId, int count)
    {
        var received = new JsonElement[count];
        for (var i = 0; i < count; i++)
        {
            received[i] = await hub.WaitForEventAsync("message", m => m.Str("roomId") == roomId);
        }

        return received;
    }

    /// <summary>Every <paramref name="target"/> event received so far that concerns the room, consumed or not, in arrival order.</summary>
    public static JsonElement[] EventsOf(this HubTestClient hub, string target, string roomId) =>
        hub.Events.Where(e => e.Target == target && Concerns(e.Arg, roomId)).Select(e => e.Arg).ToArray();

    /// <summary>Every event received so far, of any kind, that names the room (as <c>roomId</c> or, for a room, <c>id</c>).</summary>
    public static string[] AnyEventsAbout(this HubTestClient hub, string roomId) =>
        hub.Events.Where(e => Concerns(e.Arg, roomId)).Select(e => $"{e.Target} {e.Arg.GetRawText()}").ToArray();

    /// <summary>
    /// A fence: sends a message through <paramref name="hub"/> into a room its member belongs to
    /// and waits for that message's own event. Events are delivered in the order they happen,
    /// so anything that happened before and was going to reach this connection has arrived by then.
    /// </summary>
    public static async Task PassFenceAsync(this HubTestClient hub, string fenceRoomId)
    {
        var fence = await hub.SendTextAsync(fenceRoomId, "fence");
        await hub.WaitForMessageAsync(fenceRoomId, fence.Long("seq"));
    }

    public static async Task<JsonElement[]> HistoryAsync(this TestMember member, string roomId, string query = "")
    {
        var response = await member.Http.GetAsync($"/api/rooms/{roomId}/messages{query}");
        return (await response.ReadJsonAsync()).Items();
    }

    /// <summary>The room as <paramref name="member"/> sees it in <c>GET /api/rooms</c>.</summary>
    public static async Task<JsonElement> ListedRoomAsync(this TestMember member, string roomId)
    {
        var rooms = (await (await member.Http.GetAsync("/api/rooms")).ReadJsonAsync()).Items();
        var matches = rooms.Where(r => r.Str("id") == roomId).ToArray();
        Assert.True(matches.Length == 1, $"expected room {roomId} once in {member.Handle}'s rooms, found it {matches.Length} times");
        return matches[0];
    }

    public static async Task<JsonElement> JoinRoomAsync(this TestMember member, string roomId) =>
        await (await member.Http.PostAsync($"/api/rooms/{roomId}/join", null)).ReadJsonAsync();

    public static async Task AddToRoomAsync(this TestMember by, string roomId, TestMember member) =>
        await (await by.Http.PostJsonAsync($"/api/rooms/{roomId}/members", new { memberId = member.Id })).ReadJsonAsync(HttpStatusCode.NoContent);

    /// <summary>A new public room owned by <paramref name="owner"/> that <paramref name="others"/> have joined.</summary>
    public static async Task<string> PublicRoomAsync(TestMember owner, params TestMember[] others)
    {
        var roomId = await Network.CreateRoomAsync(owner, "Former sales team", "public");
        foreach (var member in others) await member.JoinRoomAsync(roomId);
        return roomId;
    }

    /// <summary>The DM between the two members, opened by <paramref name="member"/>; its id.</summary>
    public static async Task<string> OpenDmAsync(this TestMember member, TestMember other) =>
        (await (await member.Http.PostJsonAsync("/api/dms", new { memberId = other.Id })).ReadJsonAsync()).Str("id");

    /// <summary>Asserts the hub call fails with the contract code; returns the error text.</summary>
    public static async Task<string> AssertHubErrorAsync(string code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HubException>(call);
        Assert.StartsWith(code + ":", error.Message, StringComparison.Ordinal);
        return error.Message;
    }

    public static long[] Seqs(this IEnumerable<JsonElement> messages) => messages.Select(m => m.Long("seq")).ToArray();

    public static long[] Range(long first, long last) => Enumerable.Range(0, (int)(last - first + 1)).Select(i => first + i).ToArray();

    private static bool Concerns(JsonElement arg, string roomId) =>
        arg.ValueKind == JsonValueKind.Object
        && ((arg.TryGetProperty("roomId", out var room) && room.ValueKind == JsonValueKind.String && room.GetString() == roomId)
            || (arg.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == roomId));
}
