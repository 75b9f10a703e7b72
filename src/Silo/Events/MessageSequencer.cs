using System.Text.Json;
using Community.Grains.Events;
using Community.Grains.Messages;
using Community.Grains.Storage;

namespace Community.Silo.Events;

/// <summary>
/// Puts each room's <c>message</c> events in seq order for this node's connections. Two nodes
/// may append to the same room, and their events may cross on the way here; since seq N is
/// committed before seq N+1 can be, a gap is filled from storage at once, and what arrives
/// late is dropped as already delivered.
/// </summary>
public sealed class MessageSequencer(IMessageStore messages)
{
    private const int GapPage = 100;
    private readonly Dictionary<string, long> _delivered = new();
    private readonly Lock _gate = new();

    /// <summary>
    /// Starts ordering a room from <paramref name="lastSeq"/>, the seq storage had when this
    /// node's first connection of the room subscribed. A room already ordered keeps its place.
    /// </summary>
    public void Track(string roomId, long lastSeq)
    {
        lock (_gate) _delivered.TryAdd(roomId, lastSeq);
    }

    /// <summary>The <c>message</c> events to deliver for one that arrived: none, itself, or the ones it skipped and itself.</summary>
    public async Task<IReadOnlyList<RoomEvent>> OrderAsync(RoomEvent arrived)
    {
        var seq = SeqOf(arrived.Payload);
        long last;
        lock (_gate)
        {
            if (!_delivered.TryGetValue(arrived.RoomId, out last)) return [arrived];
            if (seq <= last) return [];
            if (seq == last + 1)
            {
                _delivered[arrived.RoomId] = seq;
                return [arrived];
            }
        }
        var ordered = new List<RoomEvent>();
        for (var after = last; after < seq - 1;)
        {
            var missing = await messages.PageAsync(arrived.RoomId, null, after, (int)Math.Min(GapPage, seq - 1 - after), viewerId: "");
            if (missing.Count == 0) break;
            ordered.AddRange(missing.Select(m => new RoomEvent(m.RoomId, EventNames.Message, m)));
            after = missing[^1].Seq;
        }
        ordered.Add(arrived);
        lock (_gate) _delivered[arrived.RoomId] = seq;
        return ordered;
    }

    private static long SeqOf(object payload) => payload switch
    {
        ChatMessage message => message.Seq,
        JsonElement json => json.GetProperty("seq").GetInt64(),
        _ => throw new ArgumentException($"A message event carries a message, not a {payload.GetType().Name}."),
    };
}
