using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Common;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Polls;
using Community.Grains.Storage;
using Community.Grains.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

/// <summary>Polls in a room: each posted as a message of the room, its results sent live as <c>poll</c> events.</summary>
public static class PollsApi
{
    /// <summary>How many of a room's latest polls its listing holds.</summary>
    private const int ListLimit = 100;

    public static RouteGroupBuilder MapPollsApi(this IEndpointRouteBuilder app)
    {
        var polls = app.MapGroup("/api/rooms/{id}/polls").RequireAuthorization();
        polls.MapPost("/", CreatePollAsync);
        polls.MapGet("/", ListPollsAsync);
        polls.MapGet("/{pollId}", GetPollAsync);
        polls.MapPut("/{pollId}/vote", VoteAsync);
        polls.MapPost("/{pollId}/close", ClosePollAsync);
        return polls;
    }

    public static async Task<Created<PollView>> CreatePollAsync(string id, CreatePollRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var roomId = ClientIds.Check(id, "id");
        var poll = await grains.GetGrain<IPollGrain>("pl_" + Ids.Random(16)).CreateAsync(user.ToActor(), roomId,
            new PollDraft(request.Question, request.Options, request.Multiple, request.Anonymous, request.ClosesAt, request.ClientMsgId));
        return TypedResults.Created($"/api/rooms/{roomId}/polls/{poll.Id}", poll);
    }

    /// <summary>The room's latest polls, newest first, each with the caller's own choices.</summary>
    public static async Task<Ok<ItemList<PollView>>> ListPollsAsync(string id, ClaimsPrincipal user, IGrainFactory grains, IPollStore store)
    {
        var actor = user.ToActor();
        await grains.GetConversation(id).EnsureMemberAsync(actor);
        var ids = await store.ListIdsAsync(id, ListLimit);
        return TypedResults.Ok(new ItemList<PollView>(await Task.WhenAll(ids.Select(p => grains.GetGrain<IPollGrain>(p).GetAsync(actor)))));
    }

    public static async Task<Ok<PollView>> GetPollAsync(string id, string pollId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await PollInRoomAsync(grains, id, pollId, user.ToActor()));

    public static async Task<Ok<PollView>> VoteAsync(string id, string pollId, VoteRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var actor = user.ToActor();
        await PollInRoomAsync(grains, id, pollId, actor);
        return TypedResults.Ok(await grains.GetGrain<IPollGrain>(pollId).VoteAsync(actor, request.Choices));
    }

    public static async Task<Ok<PollView>> ClosePollAsync(string id, string pollId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var actor = user.ToActor();
        await PollInRoomAsync(grains, id, pollId, actor);
        return TypedResults.Ok(await grains.GetGrain<IPollGrain>(pollId).CloseAsync(actor));
    }

    /// <summary>The poll, provided it was asked in room <paramref name="roomId"/> (whose member the actor must be); <c>not_found</c> otherwise.</summary>
    private static async Task<PollView> PollInRoomAsync(IGrainFactory grains, string roomId, string pollId, Actor actor)
    {
        var poll = await grains.GetGrain<IPollGrain>(ClientIds.Check(pollId, "pollId")).GetAsync(actor);
        return poll.RoomId == ClientIds.Check(roomId, "id") ? poll : throw CommunityException.NotFound("no such poll in this room");
    }
}
