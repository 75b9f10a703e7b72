using System.Globalization;
using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

public static class ThreadsApi
{
    public static RouteGroupBuilder MapThreadsApi(this IEndpointRouteBuilder app)
    {
        var threads = app.MapGroup("/api/rooms/{id}/messages/{seq}").RequireAuthorization();
        threads.MapGet("/replies", GetRepliesAsync);
        return threads;
    }

    /// <summary>
    /// A thread, oldest reply first: the message that started it (a tombstone when it was deleted: its
    /// replies stay readable) and a page of its replies after <paramref name="after"/>.
    /// </summary>
    public static async Task<Ok<ThreadPage>> GetRepliesAsync(string id, long seq, long? after, int? limit,
        ClaimsPrincipal user, IGrainFactory grains, IMessageStore messages)
    {
        if (seq < 1) throw CommunityException.Invalid("seq", "must be a seq (1 or more)");
        if (after < 0) throw CommunityException.Invalid("after", "must not be negative");
        var take = Paging.Limit(limit);
        await grains.GetConversation(id).EnsureMemberAsync(user.ToActor());
        var root = await messages.GetAsync(id, seq) ?? throw CommunityException.NotFound($"no message {seq} in this room");
        var found = await messages.RepliesAsync(id, seq, after ?? 0, take + 1, user.MemberId());
        var page = found.Take(take).ToArray();
        var next = found.Count > take ? page[^1].Seq.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new ThreadPage(root, page, next));
    }
}
