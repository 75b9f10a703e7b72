using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Search;
using Community.Grains.Storage;
using Community.Grains.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

/// <summary>Message search over the rooms a member belongs to.</summary>
public static class SearchApi
{
    public static RouteHandlerBuilder MapSearchApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/search/messages", SearchMessagesAsync).RequireAuthorization();

    /// <summary>
    /// One message a search found: its room (<c>roomKind</c> as in <c>room.kind</c>, <c>roomName</c> the room's
    /// name; a client names a DM as it does in its room list), <c>seq</c> to open the room at, the sender, when it
    /// was sent (and edited), and a <c>snippet</c>: the text around the first match as segments in order, each
    /// <c>{text, match}</c>, <c>match</c> true for the parts the query matched. Render every segment as plain text;
    /// a leading or trailing <c>…</c> segment says the message goes on.
    /// </summary>
    public sealed record MessageSearchHitView(string RoomId, string RoomKind, string RoomName, long Seq, string SenderId,
        DateTimeOffset SentAt, DateTimeOffset? EditedAt, IReadOnlyList<SnippetSegment> Snippet);

    /// <summary>A page of hits, newest first; <paramref name="NextBefore"/> is the <c>before</c> of the next, older page, null at the end.</summary>
    public sealed record MessageSearchPage(IReadOnlyList<MessageSearchHitView> Items, long? NextBefore);

    /// <summary>
    /// Messages that contain <c>q</c>, in every room the caller is a member of now (talk rooms, meetup rooms,
    /// DMs, the broadcast channel): never a room they left or were removed from, nor a public room they have
    /// not joined (its history is for its members, as <c>GET /api/rooms/{id}/messages</c> says), never a
    /// deleted message, never text an edit replaced. Newest first.
    /// <c>q</c>: 2-100 characters, matched after NFKC folding and case-insensitively (ＬＵＮＣＨ finds lunch,
    /// ﾗﾝﾁ finds ランチ); Japanese needs no spaces (「渋谷」 finds 「渋谷でランチ」); terms separated by spaces must all
    /// occur; within a term the words and characters follow one another; the last word of a term matches as a
    /// prefix (<c>lun</c> finds lunch). <c>roomId</c> keeps one room (<c>forbidden</c> unless the caller is a
    /// member, <c>not_found</c> for no such room); <c>from</c> keeps one sender's messages (a member id);
    /// <c>before</c> pages back (the <c>nextBefore</c> of the previous page); <c>limit</c> is 1-100 (50).
    /// </summary>
    public static async Task<Ok<MessageSearchPage>> SearchMessagesAsync(string? q, string? roomId, string? from, long? before, int? limit,
        ClaimsPrincipal user, IGrainFactory grains, IMessageSearchStore store)
    {
        var query = MessageSearchQuery.Parse(FieldRules.MessageSearchQuery.Check(q, "q"), "q");
        var take = Paging.Limit(limit);
        if (before < 1) throw CommunityException.Invalid("before", "must be a nextBefore this server gave out (1 or more)");
        var sender = string.IsNullOrEmpty(from) ? null : ClientIds.Check(from, "from");
        var room = string.IsNullOrEmpty(roomId) ? null : ClientIds.Check(roomId, "roomId");
        if (room is not null) await grains.GetConversation(room).EnsureMemberAsync(user.ToActor());
        var found = await store.SearchAsync(new MessageSearch(user.MemberId(), query, room, sender, before, take + 1));
        var page = found.Take(take).ToArray();
        return TypedResults.Ok(new MessageSearchPage(
            page.Select(h => new MessageSearchHitView(h.RoomId, h.RoomKind, h.RoomName, h.Seq, h.SenderId, h.SentAt, h.EditedAt,
                SearchSnippet.Of(h.Text, query))).ToArray(),
            found.Count > take ? page[^1].Id : null));
    }
}
