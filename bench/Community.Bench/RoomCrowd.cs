using Community.Tests.Support;

namespace Community.Bench;

/// <summary>
/// Members in talk rooms, each with a hub connection: sender <c>s</c> sends to room <c>s mod rooms</c>
/// (the first <c>rooms</c> senders create them); the receivers are spread over the rooms in even
/// blocks. With several nodes, senders and receivers are dealt to them in turn, so that each room
/// has receivers on every node when it has enough of them.
/// </summary>
internal sealed class RoomCrowd : IAsyncDisposable
{
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(120);

    private RoomCrowd(string[] roomIds, Sender[] senders, (Receiver Receiver, int Room)[] receivers)
    {
        (RoomIds, Senders, Receivers) = (roomIds, senders, receivers);
    }

    public string[] RoomIds { get; }

    public Sender[] Senders { get; }

    public (Receiver Receiver, int Room)[] Receivers { get; }

    public static async Task<RoomCrowd> SetUpAsync(CommunityNode[] nodes, int roomCount, BenchOptions options)
    {
        var (senderCount, receiverCount) = (options.Senders, options.Receivers);
        if (roomCount < 1 || roomCount > senderCount) throw new ArgumentOutOfRangeException(nameof(roomCount), roomCount, "between 1 and the number of senders");
        int SenderRoom(int s) => s % roomCount;
        int ReceiverRoom(int j) => (int)((long)j * roomCount / receiverCount);

        var network = new Network(nodes[0]);
        await network.SecretariatAsync();
        var members = await Task.WhenAll(Enumerable.Range(1, senderCount + receiverCount).Select(i => network.JoinAsync($"bench{i:000}")))
            .WaitAsync(SetupTimeout);
        var roomIds = await Task.WhenAll(Enumerable.Range(0, roomCount).Select(async r =>
            (await members[r].CreateRoomAsync(roomCount == 1 ? "Bench room" : $"Bench room {r + 1}")).Str("id")));
        await Task.WhenAll(
            members.Take(senderCount).Select((m, s) => (m, s)).Skip(roomCount).Select(x => x.m.JoinRoomAsync(roomIds[SenderRoom(x.s)]))
                .Concat(members.Skip(senderCount).Select((m, j) => m.JoinRoomAsync(roomIds[ReceiverRoom(j)]))));

        var senderHubs = await Task.WhenAll(members.Take(senderCount).Select((m, i) => nodes[i % nodes.Length].ConnectAsync(m)));
        var receiverHubs = await Task.WhenAll(members.Skip(senderCount).Select((m, i) => nodes[i % nodes.Length].ConnectAsync(m)));
        return new RoomCrowd(roomIds,
            senderHubs.Select((hub, s) => new Sender(hub, SenderRoom(s), roomIds[SenderRoom(s)])).ToArray(),
            receiverHubs.Select((hub, j) => (new Receiver(hub, roomIds[ReceiverRoom(j)]), ReceiverRoom(j))).ToArray());
    }

    public async ValueTask DisposeAsync() =>
        await Task.WhenAll(Senders.Select(s => s.Hub).Concat(Receivers.Select(r => r.Receiver.Hub)).Select(h => h.DisposeAsync().AsTask()));

    internal sealed record Sender(HubTestClient Hub, int Room, string RoomId);
}
