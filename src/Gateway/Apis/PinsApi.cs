using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Pins;
using Community.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

public static class PinsApi
{
    public static RouteGroupBuilder MapPinsApi(this IEndpointRouteBuilder app)
    {
        var pins = app.MapGroup("/api/rooms/{id}/pins").RequireAuthorization();
        pins.MapGet("/", ListPinsAsync);
        pins.MapPost("/", PinMessageAsync);
        pins.MapDelete("/{seq}", UnpinMessageAsync);
        return pins;
    }

    /// <summary>The room's pinned messages, newest pin first, each with who pinned it and when.</summary>
    public static async Task<Ok<ItemList<PinnedMessage>>> ListPinsAsync(string id, ClaimsPrincipal user, IGrainFactory grains, IPinStore pins)
    {
        await grains.GetConversation(id).EnsureMemberAsync(user.ToActor());
        return TypedResults.Ok(new ItemList<PinnedMessage>(await pins.ListWithMessagesAsync(id, user.MemberId())));
    }

    public static async Task<Ok<Pin>> PinMessageAsync(string id, PinRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetConversation(id).PinAsync(user.ToActor(),
            request.Seq ?? throw CommunityException.Invalid("seq", "is required")));

    public static async Task<NoContent> UnpinMessageAsync(string id, long seq, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetConversation(id).UnpinAsync(user.ToActor(), seq);
        return TypedResults.NoContent();
    }
}
