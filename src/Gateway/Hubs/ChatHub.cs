using Community.Gateway.Auth;
using Community.Gateway.Logging;
using Community.Grains.Conversations;
using Community.Grains.Events;
using Community.Grains.Stats;
using Community.Silo.Delivery;
using Community.Silo.Hosting;
using Community.Grains.Members;
using Community.Grains.Messages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Community.Gateway.Hubs;

/// <summary>
/// The real-time edge: authorises, calls a grain, returns. Events reach a connection through
/// the groups of the rooms its member belongs to.
/// </summary>
[Authorize]
public sealed class ChatHub(IGrainFactory grains, ConnectionRegistry connections, ActionRateLimiter rate, TypingThrottle typing,
    PresenceSubscriptions presence, NodeIdentity node, IActivityTracker activity, ILogger<ChatHub> logger) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var memberId = Context.User!.MemberId();
        // Registered before the room list is read, so a room joined meanwhile is not missed: the
        // join either finds this connection or is in the list.
        connections.Add(Context, memberId, Context.User!.TokenHashOf());
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Member(memberId));
        var member = grains.GetGrain<IMemberGrain>(memberId);
        await member.ConnectedAsync(node.NodeId, Context.ConnectionId);
        foreach (var room in await member.GetRoomsAsync())
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Room(room.Id));
        await activity.RecordAsync(memberId, posted: false);
        GatewayLog.Connected(logger, memberId, Context.ConnectionId);
        // SignalR completes the handshake before this method runs: from "ready" on, the
        // connection hears every event of its rooms; what came before is in history.
        await Clients.Caller.SendAsync(HubEvents.Ready, new { memberId });
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var memberId = Context.User!.MemberId();
        connections.Remove(Context.ConnectionId);
        await grains.GetGrain<IMemberGrain>(memberId).DisconnectedAsync(Context.ConnectionId);
        GatewayLog.Disconnected(logger, memberId, Context.ConnectionId);
    }

    public Task<ChatMessage> SendMessage(string roomId, SendMessage message)
    {
        var actor = RateLimitedActor();
        return grains.GetConversation(roomId).SendAsync(actor, message);
    }

    public Task<ChatMessage> EditMessage(string roomId, long seq, string text) =>
        grains.GetConversation(roomId).EditAsync(RateLimitedActor(), seq, text);

    public Task DeleteMessage(string roomId, long seq) =>
        grains.GetConversation(roomId).DeleteAsync(Context.User!.ToActor(), seq);

    public Task MarkRead(string roomId, long seq) =>
        grains.GetConversation(roomId).MarkReadAsync(Context.User!.ToActor(), seq);

    public Task AddReaction(string roomId, long seq, string key) =>
        grains.GetConversation(roomId).AddReactionAsync(RateLimitedActor(), seq, key);

    public Task RemoveReaction(string roomId, long seq, string key) =>
        grains.GetConversation(roomId).RemoveReactionAsync(RateLimitedActor(), seq, key);

    /// <summary>
    /// Relays one typing notice per member and room per interval, within the member's rate; the
    /// others are dropped without an error (a hint that is still showing needs no repeat).
    /// </summary>
    public async Task Typing(string roomId)
    {
        var actor = Context.User!.ToActor();
        var room = grains.GetConversation(roomId);
        if (!typing.TryClaim(actor.MemberId, roomId, out var claim) || !rate.TryTake(actor.MemberId)) return;
        try
        {
            await room.TypingAsync(actor);
        }
        catch
        {
            typing.Release(claim);
            throw;
        }
    }

    /// <summary>Watches these members' presence (those on the client's screen) instead of the list given before; answers their presence now.</summary>
    public Task<IReadOnlyList<PresencePayload>> SubscribePresence(string[] memberIds) =>
        presence.ReplaceAsync(Context, Groups, memberIds);

    /// <summary>The caller, once they have taken one of their tokens (<c>rate_limited</c> when they have none).</summary>
    private Actor RateLimitedActor()
    {
        var actor = Context.User!.ToActor();
        rate.Take(actor.MemberId);
        return actor;
    }
}
