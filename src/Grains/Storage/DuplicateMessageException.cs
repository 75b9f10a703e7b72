namespace Community.Grains.Storage;

/// <summary>
/// Thrown by an append when a message repeats its sender's client message id in the room: the
/// message is there already, and nothing was written.
/// </summary>
public sealed class DuplicateMessageException(string roomId, string senderId, string clientMsgId)
    : Exception($"{senderId} sent {clientMsgId} in {roomId} already")
{
    public string RoomId { get; } = roomId;
    public string SenderId { get; } = senderId;
    public string ClientMsgId { get; } = clientMsgId;
}
