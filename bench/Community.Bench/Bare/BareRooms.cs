using System.Collections.Concurrent;

namespace Community.Bench.Bare;

/// <summary>Each room's last seq, in memory. A room's next seq and the hand-off of its message to the group happen under the room's lock, so that every connection gets the room's messages in seq order.</summary>
internal sealed class BareRooms
{
    private readonly ConcurrentDictionary<string, Room> _rooms = new();

    public (BareMessage Message, Task Delivery) Post(string roomId, string senderId, BareSend send, Func<BareMessage, Task> deliver)
    {
        var room = _rooms.GetOrAdd(roomId, _ => new Room());
        lock (room)
        {
            var message = new BareMessage(roomId, ++room.LastSeq, senderId, send.ClientMsgId, send.Text, null, null, [],
                DateTimeOffset.UtcNow, null, false, []);
            return (message, deliver(message));
        }
    }

    private sealed class Room
    {
        public long LastSeq;
    }
}
