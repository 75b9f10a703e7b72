using System.Net;
using System.Text.Json;

namespace Community.Tests.Support;

/// <summary>
/// The steps tests take as members, the same for every suite: rooms and DMs, their members and
/// history over REST (here), and sending and hearing over the hub (<c>Steps.Hub.cs</c>).
/// Signing up and in is <see cref="Network"/>'s; connecting is <see cref="CommunityNode.ConnectAsync(TestMember, bool)"/>.
/// </summary>
internal static partial class Steps
{
    /// <summary>The broadcast channel's well-known id.</summary>
    public const string Broadcast = "broadcast";

    /// <summary>A short random suffix, so names a test searches for are its own.</summary>
    public static string Tag() => Guid.NewGuid().ToString("n")[..8];

    /// <summary><c>POST /api/rooms</c>; the room as its creator sees it.</summary>
    public static async Task<JsonElement> CreateRoomAsync(this TestMember owner, string name, string visibility = "public",
        string? topic = null, string? kind = null)
    {
        var response = await owner.Http.PostJsonAsync("/api/rooms", new { name, topic, visibility, kind });
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>A new public talk room of <paramref name="owner"/>'s that each of <paramref name="members"/> has joined; its id.</summary>
    public static async Task<string> RoomWithAsync(this TestMember owner, params TestMember[] members)
    {
        var room = (await owner.CreateRoomAsync($"Room {Tag()}")).Str("id");
        foreach (var member in members) await member.JoinRoomAsync(room);
        return room;
    }

    /// <summary>A new private talk room of <paramref name="owner"/>'s, who added each of <paramref name="members"/>; its id.</summary>
    public static async Task<string> PrivateRoomWithAsync(this TestMember owner, params TestMember[] members)
    {
        var room = (await owner.CreateRoomAsync($"Private room {Tag()}", "private")).Str("id");
        foreach (var member in members) await owner.AddMemberAsync(room, member.Id);
        return room;
    }

    /// <summary><c>POST /api/rooms/{id}/join</c>; the room as the joiner now sees it.</summary>
    public static async Task<JsonElement> JoinRoomAsync(this TestMember member, string roomId) =>
        await (await member.Http.PostAsync($"/api/rooms/{roomId}/join", null)).ReadJsonAsync();

    /// <summary><c>POST /api/rooms/{id}/members</c> by <paramref name="by"/>.</summary>
    public static async Task AddMemberAsync(this TestMember by, string roomId, string memberId) =>
        await (await by.Http.PostJsonAsync($"/api/rooms/{roomId}/members", new { memberId })).ReadJsonAsync(HttpStatusCode.NoContent);

    /// <summary><c>POST /api/dms</c>: the DM between the two members, as <paramref name="member"/> sees it.</summary>
    public static async Task<JsonElement> OpenDmAsync(this TestMember member, string otherMemberId) =>
        await (await member.Http.PostJsonAsync("/api/dms", new { memberId = otherMemberId })).ReadJsonAsync();

    /// <summary>A GET that must answer 200; its body.</summary>
    public static async Task<JsonElement> GetAsync(this TestMember member, string path) =>
        await (await member.Http.GetAsync(path)).ReadJsonAsync();

    /// <summary><c>GET /api/rooms</c>: the rooms the member belongs to, in the server's order.</summary>
    public static async Task<JsonElement[]> MyRoomsAsync(this TestMember member) =>
        (await member.GetAsync("/api/rooms")).Items();

    /// <summary>The member's rooms without the broadcast channel every member belongs to, in the server's order.</summary>
    public static async Task<JsonElement[]> MyTalkRoomsAsync(this TestMember member) =>
        (await member.MyRoomsAsync()).Where(r => r.Str("id") != Broadcast).ToArray();

    /// <summary>The room as <paramref name="member"/> sees it in <c>GET /api/rooms</c>; it must be there once.</summary>
    public static async Task<JsonElement> ListedRoomAsync(this TestMember member, string roomId)
    {
        var matches = (await member.MyRoomsAsync()).Where(r => r.Str("id") == roomId).ToArray();
        Assert.True(matches.Length == 1, $"expected room {roomId} once in {member.Handle}'s rooms, found it {matches.Length} times");
        return matches[0];
    }

    public static async Task<JsonElement[]> MembersOfAsync(this TestMember member, string roomId) =>
        (await member.GetAsync($"/api/rooms/{roomId}/members")).Items();

    /// <summary>The members whose handle is exactly <paramref name="handle"/>, as the directory finds them for <paramref name="viewer"/>.</summary>
    public static async Task<JsonElement[]> MembersWithHandleAsync(this TestMember viewer, string handle) =>
        (await viewer.GetAsync($"/api/members?q={Uri.EscapeDataString(handle)}&limit=100")).Items().Where(m => m.Str("handle") == handle).ToArray();

    /// <summary><c>GET /api/rooms/{id}/messages</c> with <paramref name="query"/> (the latest 50 without one).</summary>
    public static async Task<JsonElement[]> HistoryAsync(this TestMember member, string roomId, string query = "") =>
        (await member.GetAsync($"/api/rooms/{roomId}/messages{query}")).Items();

    /// <summary>One message of the room's history as <paramref name="reader"/> sees it.</summary>
    public static async Task<JsonElement> MessageAsync(this TestMember reader, string roomId, long seq) =>
        Assert.Single(await reader.HistoryAsync(roomId), m => m.Long("seq") == seq);

    public static string[] Ids(IEnumerable<JsonElement> rooms) => rooms.Select(r => r.Str("id")).ToArray();

    public static JsonElement Single(IEnumerable<JsonElement> rooms, string roomId) => Assert.Single(rooms, r => r.Str("id") == roomId);

    /// <summary>Each room member as <c>memberId:role</c>, sorted, for comparing membership.</summary>
    public static string[] Roles(IEnumerable<JsonElement> members) =>
        members.Select(m => $"{m.GetProperty("member").Str("id")}:{m.Str("role")}").Order(StringComparer.Ordinal).ToArray();
}
