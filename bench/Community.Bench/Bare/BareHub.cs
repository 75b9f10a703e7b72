using Microsoft.AspNetCore.SignalR;

namespace Community.Bench.Bare;

/// <summary>
/// The framework's own ceiling for the product's fan-out: a hub that joins a connection to a room's
/// group and hands each message on to the group with the next seq of the room, in memory. No
/// authentication, storage or grains; the message has the product's shape, so the bytes on the wire match.
/// </summary>
internal sealed class BareHub(BareRooms rooms) : Hub
{
    /// <summary>The broadcast channel's id: every connection is in it, as every member is in the product.</summary>
    public const string Everyone = Community.Grains.Rooms.BroadcastChannel.Id;

    /// <summary>Like the product, in the room every member belongs to, then <c>ready</c>.</summary>
    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Everyone);
        await Clients.Caller.SendAsync("ready", new { memberId = Context.ConnectionId });
    }

    public Task JoinRoom(string roomId) => Groups.AddToGroupAsync(Context.ConnectionId, roomId);

    public async Task<BareMessage> SendMessage(string roomId, BareSend send)
    {
        var (message, delivery) = rooms.Post(roomId, Context.ConnectionId, send,
            m => Clients.Group(roomId).SendAsync("message", m));
        await delivery;
        return message;
    }
}

/// <summary>What a sender sends (the part of the product's <c>SendMessage</c> argument the load client uses).</summary>
internal sealed record BareSend(string ClientMsgId, string? Text);

/// <summary>The product's <c>message</c> event, field for field.</summary>
internal sealed record BareMessage(
    string RoomId, long Seq, string SenderId, string ClientMsgId, string? Text, string? StampId, long? ReplyToSeq,
    string[] Mentions, DateTimeOffset SentAt, DateTimeOffset? EditedAt, bool Deleted, object[] Reactions);
