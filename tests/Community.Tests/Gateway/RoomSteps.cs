using System.Net;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>The REST and hub steps the room, DM and restart tests repeat.</summary>
internal static class RoomSteps
{
    /// <summary>A short random suffix, so names a test searches for are its own.</summary>
    public static string Tag() => Guid.NewGuid().ToString("n")[..8];

    public static async Task<JsonElement> CreateRoomAsync(TestMember owner, string name, string visibility = "public",
        string? topic = null, string? kind = null)
    {
        var response = await owner.Http.PostJsonAsync("/api/rooms", new { name, topic, visibility, kind });
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> GetAsync(TestMember member, string path) =>
        await (await member.Http.GetAsync(path)).ReadJsonAsync();

    /// <summary><c>GET /api/rooms</c>: the rooms the member belongs to, in the server's order.</summary>
    public static async Task<JsonElement[]> MyRoomsAsync(TestMember member) =>
        (await GetAsync(member, "/api/rooms")).Items();

    /// <summary>The member's rooms without the broadcast channel every member belongs to, in the server's order.</summary>
    public static async Task<JsonElement[]> MyTalkRoomsAsync(TestMember member) =>
        (await MyRoomsAsync(member)).Where(r => r.Str("id") != "broadcast").ToArray();

    public static async Task<JsonElement[]> MembersOfAsync(TestMember member, string roomId) =>
        (await GetAsync(member, $"/api/rooms/{roomId}/members")).Items();

    public static async Task<JsonElement[]> HistoryAsync(TestMember member, string roomId) =>
        (await GetAsync(member, $"/api/rooms/{roomId}/messages?after=0&limit=100")).Items();

    public static async Task<JsonElement> JoinAsync(TestMember member, string roomId) =>
        await (await member.Http.PostAsync($"/api/rooms/{roomId}/join", null)).ReadJsonAsync();

    public static async Task AddMemberAsync(TestMember by, string roomId, string memberId) =>
        await (await by.Http.PostJsonAsync($"/api/rooms/{roomId}/members", new { memberId })).ReadJsonAsync(HttpStatusCode.NoContent);

    public static async Task<JsonElement> OpenDmAsync(TestMember member, string otherMemberId) =>
        await (await member.Http.PostJsonAsync("/api/dms", new { memberId = otherMemberId })).ReadJsonAsync();

    public static Task<JsonElement> SendAsync(HubTestClient hub, string roomId, string clientMsgId, string text) =>
        hub.InvokeAsync("SendMessage", roomId, new { clientMsgId, text });

    /// <summary>A new client message id, for sends whose id the test does not care about.</summary>
    public static string NewClientMsgId() => Guid.NewGuid().ToString("n");

    public static string[] Ids(IEnumerable<JsonElement> rooms) => rooms.Select(r => r.Str("id")).ToArray();

    public static JsonElement Single(IEnumerable<JsonElement> rooms, string roomId) => Assert.Single(rooms, r => r.Str("id") == roomId);

    /// <summary>Each room member as <c>memberId:role</c>, sorted, for comparing membership.</summary>
    public static string[] Roles(IEnumerable<JsonElement> members) =>
        members.Select(m => $"{m.GetProperty("member").Str("id")}:{m.Str("role")}").Order(StringComparer.Ordinal).ToArray();
}
