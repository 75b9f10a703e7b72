using Community.Gateway.Auth;
using Community.Gateway.Logging;
using Community.Grains.Conversations;
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
public sealed class ChatHub(IGrainFactory grains, ConnectionRegistry connections, SendRateLimiter sendLimiter,
    NodeIdentity node, IActivityTracker activity, ILogger<ChatHub> logger) : Hub
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
        var actor = Context.User!.ToActor();
        sendLimiter.Take(actor.MemberId);
        return grains.GetConversation(roomId).SendAsync(actor, message);
    }

    public Task<ChatMessage> EditMessage(string roomId, long seq, string text) =>
        grains.GetConversation(roomId).EditAsync(Context.User!.ToActor(), seq, text);

    public Task DeleteMessage(string roomId, long seq) =>
        grains.GetConversation(roomId).DeleteAsync(Context.User!.ToActor(), seq);

    public Task MarkRead(string roomId, long seq) =>
        grains.GetConversation(roomId).MarkReadAsync(Context.User!.ToActor(), seq);

    public Task AddReaction(string roomId, long seq, string key) =>
        grains.GetConversation(roomId).AddReactionAsync(Context.User!.ToActor(), seq, key);

    public Task RemoveReaction(string roomId, long seq, string key) =>
        grains.GetConversation(roomId).RemoveReactionAsync(Context.User!.ToActor(), seq, key);

    public Task Typing(string roomId) =>
        grains.GetConversation(roomId).TypingAsync(Context.User!.ToActor());
}
