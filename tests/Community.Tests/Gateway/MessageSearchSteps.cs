using System.Net;
using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>Calling <c>GET /api/search/messages</c> and reading its hits.</summary>
internal static class MessageSearchSteps
{
    public static Task<HttpResponseMessage> GetSearchAsync(this TestMember member, string query) =>
        member.Http.GetAsync($"/api/search/messages?{query}");

    /// <summary>A search that must answer 200; its body.</summary>
    public static async Task<JsonElement> SearchAsync(this TestMember member, string q, string? roomId = null, string? from = null,
        long? before = null, int? limit = null)
    {
        var query = $"q={Uri.EscapeDataString(q)}"
            + (roomId is null ? "" : $"&roomId={Uri.EscapeDataString(roomId)}")
            + (from is null ? "" : $"&from={Uri.EscapeDataString(from)}")
            + (before is null ? "" : $"&before={before}")
            + (limit is null ? "" : $"&limit={limit}");
        return await (await member.GetSearchAsync(query)).ReadJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>The texts of the hits, each snippet's segments joined.</summary>
    public static string[] Texts(this JsonElement page) => page.Items().Select(SnippetText).ToArray();

    public static string SnippetText(JsonElement hit) =>
        string.Concat(hit.GetProperty("snippet").EnumerateArray().Select(s => s.Str("text")));

    /// <summary>The parts of a hit's snippet the query matched.</summary>
    public static string[] Matched(JsonElement hit) =>
        hit.GetProperty("snippet").EnumerateArray().Where(s => s.GetProperty("match").GetBoolean()).Select(s => s.Str("text")).ToArray();

    public static (string RoomId, long Seq)[] Keys(this JsonElement page) =>
        page.Items().Select(h => (h.Str("roomId"), h.Long("seq"))).ToArray();
}
