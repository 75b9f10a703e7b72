using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Common;
using Community.Grains.Conversations;
using Community.Grains.Dms;
using Community.Grains.Errors;
using Community.Grains.Members;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Community.Grains.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

public static class RoomsApi
{
    public static RouteGroupBuilder MapRoomsApi(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/api/rooms").RequireAuthorization();
        rooms.MapPost("/", CreateRoomAsync);
        rooms.MapGet("/", ListMyRoomsAsync);
        rooms.MapGet("/discover", DiscoverRoomsAsync);
        rooms.MapGet("/{id}", GetRoomAsync);
        rooms.MapPatch("/{id}", UpdateRoomAsync);
        rooms.MapPost("/{id}/join", JoinRoomAsync);
        rooms.MapPost("/{id}/leave", LeaveRoomAsync);
        rooms.MapGet("/{id}/members", ListRoomMembersAsync);
        rooms.MapPost("/{id}/members", AddRoomMemberAsync);
        rooms.MapDelete("/{id}/members/{memberId}", RemoveRoomMemberAsync);
        rooms.MapGet("/{id}/messages", GetMessagesAsync);
        return rooms;
    }

    public static async Task<Created<RoomView>> CreateRoomAsync(CreateRoomRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var id = Ids.NewRoomId();
        var room = await grains.GetGrain<IRoomGrain>(id).CreateAsync(user.ToActor(),
            new CreateRoom(request.Name, request.Topic, request.Visibility, request.Kind ?? RoomKinds.Room));
        return TypedResults.Created($"/api/rooms/{id}", room);
    }

    public static async Task<Ok<ItemList<RoomView>>> ListMyRoomsAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(new ItemList<RoomView>(await grains.GetGrain<IMemberGrain>(user.MemberId()).GetRoomsAsync()));

    public static async Task<Ok<ItemList<RoomView>>> DiscoverRoomsAsync(string? q, ClaimsPrincipal user, IRoomStore store, TimeProvider time) =>
        TypedResults.Ok(new ItemList<RoomView>((await store.DiscoverAsync(FieldRules.SearchQuery.Check(q, "q"), user.MemberId(), Limits.PageMax))
            .Select(listing => ToView(listing, time.GetUtcNow())).ToArray()));

    public static async Task<Ok<RoomView>> GetRoomAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetConversation(id).GetAsync(user.ToActor()));

    public static async Task<Ok<RoomView>> UpdateRoomAsync(string id, UpdateRoomRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await TalkRoom(grains, id).UpdateAsync(user.ToActor(), new RoomChange(request.Name, request.Topic)));

    public static async Task<Ok<RoomView>> JoinRoomAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await TalkRoom(grains, id).JoinAsync(user.ToActor()));

    public static async Task<NoContent> LeaveRoomAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        await TalkRoom(grains, id).LeaveAsync(user.ToActor());
        return TypedResults.NoContent();
    }

    public static async Task<Ok<ItemList<RoomMemberView>>> ListRoomMembersAsync(string id, ClaimsPrincipal user, IGrainFactory grains,
        IMemberStore members, MemberViews views)
    {
        var roomMembers = await grains.GetConversation(id).GetMembersAsync(user.ToActor());
        var found = await members.GetManyAsync(roomMembers.Select(m => m.MemberId).ToArray());
        var profiles = (await views.ForAsync(user.DirectoryViewer(), found)).ToDictionary(p => p.Id);
        return TypedResults.Ok(new ItemList<RoomMemberView>(roomMembers
            .Where(m => profiles.ContainsKey(m.MemberId))
            .Select(m => new RoomMemberView(profiles[m.MemberId], m.Role, DmThreadId.IsDm(id) ? m.ReadSeq : null)).ToArray()));
    }

    public static async Task<NoContent> AddRoomMemberAsync(string id, MemberIdRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        await TalkRoom(grains, id).AddMemberAsync(user.ToActor(), ClientIds.Check(request.MemberId, "memberId"));
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> RemoveRoomMemberAsync(string id, string memberId, ClaimsPrincipal user, IGrainFactory grains)
    {
        await TalkRoom(grains, id).RemoveMemberAsync(user.ToActor(), ClientIds.Check(memberId, "memberId"));
        return TypedResults.NoContent();
    }

    public static async Task<Ok<MessagePage>> GetMessagesAsync(string id, long? before, long? after, int? limit,
        ClaimsPrincipal user, IGrainFactory grains, IMessageStore messages)
    {
        if (before is not null && after is not null) throw CommunityException.Invalid("before", "give before or after, not both");
        if (before < 1) throw CommunityException.Invalid("before", "must be a seq (1 or more)");
        if (after < 0) throw CommunityException.Invalid("after", "must not be negative");
        var take = Paging.Limit(limit);
        await grains.GetConversation(id).EnsureMemberAsync(user.ToActor());
        return TypedResults.Ok(new MessagePage(await messages.PageAsync(id, before, after, take, user.MemberId())));
    }

    /// <summary>The talk-room grain for an id; membership of a DM thread is fixed, so those operations are refused for one.</summary>
    internal static IRoomGrain TalkRoom(IGrainFactory grains, string id) =>
        DmThreadId.IsDm(ClientIds.Check(id, "roomId")) ? throw CommunityException.Forbidden("a DM's members and name cannot be changed") : grains.GetGrain<IRoomGrain>(id);

    private static RoomView ToView(RoomListing listing, DateTimeOffset now) =>
        RoomView.Of(listing.Info, listing.MemberCount, listing.LastMessage, listing.Viewer, now);
}
