namespace Community.Bench;

/// <summary>
/// Senders and receivers in rooms of a server (<see cref="IRoomServer"/>), each with a hub
/// connection: sender <c>s</c> sends to room <c>s mod rooms</c>; the receivers are spread over the
/// rooms in even blocks.
/// </summary>
internal sealed class RoomCrowd : IAsyncDisposable
{
    private RoomCrowd(IRoomServer server, string[] roomIds, Sender[] senders, (Receiver Receiver, int Room)[] receivers)
    {
        (Server, RoomIds, Senders, Receivers) = (server, roomIds, senders, receivers);
    }

    public IRoomServer Server { get; }

    public string[] RoomIds { get; }

    public Sender[] Senders { get; }

    public (Receiver Receiver, int Room)[] Receivers { get; }

    public static async Task<RoomCrowd> SetUpAsync(IRoomServer server, int roomCount, BenchOptions options)
    {
        var (senderCount, receiverCount) = (options.Senders, options.Receivers);
        if (roomCount < 1 || roomCount > senderCount) throw new ArgumentOutOfRangeException(nameof(roomCount), roomCount, "between 1 and the number of senders");
        var rooms = Enumerable.Range(0, senderCount).Select(s => s % roomCount)
            .Concat(Enumerable.Range(0, receiverCount).Select(j => (int)((long)j * roomCount / receiverCount)))
            .ToArray();
        var (roomIds, hubs) = await server.SeatAsync(roomCount, rooms, senderCount);
        // Senders hear their rooms too; what they hear is not checked, so none of it is kept.
        foreach (var sender in hubs.Take(senderCount)) sender.StopKeepingEvents();
        return new RoomCrowd(server, roomIds,
            hubs.Take(senderCount).Select((hub, s) => new Sender(hub, rooms[s], roomIds[rooms[s]])).ToArray(),
            hubs.Skip(senderCount).Select((hub, j) => (new Receiver(hub, roomIds[rooms[senderCount + j]]), rooms[senderCount + j])).ToArray());
    }

    public async ValueTask DisposeAsync() =>
        await Task.WhenAll(Senders.Select(s => s.Hub).Concat(Receivers.Select(r => r.Receiver.Hub)).Select(h => h.DisposeAsync().AsTask()));

    internal sealed record Sender(Community.Tests.Support.HubTestClient Hub, int Room, string RoomId);
}
