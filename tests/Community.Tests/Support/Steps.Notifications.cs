using System.Net.Http.Json;
using System.Text.Json;

namespace Community.Tests.Support;

/// <summary>The steps of a member's own notification settings for a room.</summary>
internal static partial class Steps
{
    /// <summary><c>PUT /api/rooms/{id}/notifications</c> with <paramref name="body"/> as given; the answer, whatever it is.</summary>
    public static Task<HttpResponseMessage> PutNotificationsAsync(this TestMember member, string roomId, object? body) =>
        member.Http.PutAsJsonAsync($"/api/rooms/{roomId}/notifications", body);

    /// <summary>Mutes (or, with false, unmutes) the room's notifications for <paramref name="member"/>; the room as they now see it.</summary>
    public static async Task<JsonElement> MuteNotificationsAsync(this TestMember member, string roomId, bool muted = true, DateTimeOffset? until = null) =>
        await (await member.PutNotificationsAsync(roomId, until is null ? new { muted } : new { muted, until })).ReadJsonAsync();

    /// <summary>The <c>mention</c> events received so far about one message, consumed or not.</summary>
    public static JsonElement[] MentionsOf(this HubTestClient hub, string roomId, long seq) =>
        hub.EventsOf("mention", m => m.Str("roomId") == roomId && m.Long("seq") == seq);
}
