using System.Net;
using System.Text.Json;
using Community.Tests.Support;
using Microsoft.AspNetCore.SignalR;

namespace Community.Tests.Gateway;

/// <summary>The steps the reaction, stamp, broadcast, meetup, presence and moderation tests repeat.</summary>
internal static class FeatureSteps
{
    public const string Broadcast = "broadcast";

    /// <summary>Connects and returns once the server has finished setting the connection up (see <see cref="CommunityNode.ConnectAsync"/>).</summary>
    public static Task<HubTestClient> ConnectAsync(CommunityNode node, TestMember member) => node.ConnectAsync(member.Token);

    /// <summary>A public talk room of <paramref name="owner"/> that each of <paramref name="members"/> has joined.</summary>
    public static async Task<string> RoomWithAsync(TestMember owner, params TestMember[] members)
    {
        var room = (await RoomSteps.CreateRoomAsync(owner, $"Feature room {RoomSteps.Tag()}")).Str("id");
        foreach (var member in members) await RoomSteps.JoinAsync(member, room);
        return room;
    }

    /// <summary>Asserts the hub call fails with <paramref name="code"/> (<c>forbidden: …</c>); returns the error text.</summary>
    public static async Task<string> AssertHubErrorAsync(Func<Task> call, string code)
    {
        var error = await Assert.ThrowsAsync<HubException>(call);
        Assert.True(error.Message.StartsWith(code + ":", StringComparison.Ordinal), $"expected a '{code}:' error, got: {error.Message}");
        return error.Message;
    }

    public static Task<JsonElement> SendAsync(HubTestClient hub, string roomId, string text) =>
        RoomSteps.SendAsync(hub, roomId, RoomSteps.NewClientMsgId(), text);

    public static Task<JsonElement> ReplyAsync(HubTestClient hub, string roomId, long replyToSeq, string text) =>
        hub.InvokeAsync("SendMessage", roomId, new { clientMsgId = RoomSteps.NewClientMsgId(), text, replyToSeq });

    /// <summary>One message of the room's history as <paramref name="reader"/> sees it.</summary>
    public static async Task<JsonElement> MessageAsync(TestMember reader, string roomId, long seq) =>
        Assert.Single(await RoomSteps.HistoryAsync(reader, roomId), m => m.Long("seq") == seq);

    /// <summary>The events of one target a connection has received so far, consumed or not, in arrival order.</summary>
    public static JsonElement[] EventsOf(HubTestClient hub, string target, Func<JsonElement, bool> predicate) =>
        hub.Events.Where(e => e.Target == target && predicate(e.Arg)).Select(e => e.Arg).ToArray();

    public static string[] StringsOf(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>A 403 <c>forbidden</c> problem.</summary>
    public static Task<string> AssertForbiddenAsync(this HttpResponseMessage response) =>
        response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
}
