using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Community.Tests.Support;

/// <summary>The hub steps: sending, hearing, fencing and asserting refusals.</summary>
internal static partial class Steps
{
    /// <summary>Settings for nodes whose tests are not about the send rate: a burst no test reaches.</summary>
    public static readonly IReadOnlyDictionary<string, string?> UnlimitedSends = new Dictionary<string, string?>
    {
        ["Community:Limits:MessageBurst"] = "100000",
        ["Community:Limits:MessagesPerSecond"] = "100000",
    };

    /// <summary>How long a whole batch of concurrent calls may take, each call having its own timeout too.</summary>
    public static readonly TimeSpan BatchTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A new client message id, for sends whose id the test does not care about.</summary>
    public static string NewClientMsgId() => Guid.NewGuid().ToString("n");

    /// <summary><c>SendMessage</c> with text; a new client message id unless given. The message as sent.</summary>
    public static Task<JsonElement> SendTextAsync(this HubTestClient hub, string roomId, string text, string? clientMsgId = null) =>
        hub.InvokeAsync("SendMessage", roomId, new { clientMsgId = clientMsgId ?? NewClientMsgId(), text });

    /// <summary><c>SendMessage</c> replying to <paramref name="replyToSeq"/>.</summary>
    public static Task<JsonElement> ReplyAsync(this HubTestClient hub, string roomId, long replyToSeq, string text) =>
        hub.InvokeAsync("SendMessage", roomId, new { clientMsgId = NewClientMsgId(), text, replyToSeq });

    /// <summary><c>SubscribePresence</c> with the member ids as its one argument; the members' presence now.</summary>
    public static Task<JsonElement> SubscribePresenceAsync(this HubTestClient hub, params string[] memberIds) =>
        hub.InvokeAsync("SubscribePresence", new object?[] { memberIds });

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

    /// <summary>Every <paramref name="target"/> event received so far that concerns the room, consumed or not, in arrival order.</summary>
    public static JsonElement[] EventsOf(this HubTestClient hub, string target, string roomId) =>
        hub.EventsOf(target, e => Concerns(e, roomId));

    /// <summary>Every <paramref name="target"/> event received so far that matches, consumed or not, in arrival order.</summary>
    public static JsonElement[] EventsOf(this HubTestClient hub, string target, Func<JsonElement, bool> predicate) =>
        hub.Events.Where(e => e.Target == target && predicate(e.Arg)).Select(e => e.Arg).ToArray();

    /// <summary>Every event received so far, of any kind, that names the room (as <c>roomId</c> or, for a room, <c>id</c>).</summary>
    public static string[] AnyEventsAbout(this HubTestClient hub, string roomId) =>
        hub.Events.Where(e => Concerns(e.Arg, roomId)).Select(e => $"{e.Target} {e.Arg.GetRawText()}").ToArray();

    /// <summary>Asserts the hub call fails with the contract's <paramref name="code"/> (<c>forbidden: …</c>); returns the error text.</summary>
    public static async Task<string> AssertHubErrorAsync(string code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<HubException>(call);
        Assert.True(error.Message.StartsWith(code + ":", StringComparison.Ordinal), $"expected a '{code}:' error, got: {error.Message}");
        return error.Message;
    }

    public static long[] Seqs(this IEnumerable<JsonElement> messages) => messages.Select(m => m.Long("seq")).ToArray();

    public static long[] Range(long first, long last) => Enumerable.Range(0, (int)(last - first + 1)).Select(i => first + i).ToArray();

    public static string[] StringsOf(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static bool Concerns(JsonElement arg, string roomId) =>
        arg.ValueKind == JsonValueKind.Object
        && ((arg.TryGetProperty("roomId", out var room) && room.ValueKind == JsonValueKind.String && room.GetString() == roomId)
            || (arg.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == roomId));
}
