using Community.Tests.Support;

namespace Community.Bench;

/// <summary>
/// The product's nodes as a room server: members sign up through the secretariat's invitations, the
/// first member seated in each room creates it, the others join it, and each connects to the hub
/// with their token. With several nodes, senders and receivers are dealt to them in turn, so that
/// each room has receivers on every node when it has enough of them.
/// </summary>
internal sealed class ProductServer(CommunityNode[] nodes) : IRoomServer
{
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(120);

    public string Kind => Target.Product;

    public string? DatabaseFile => nodes[0].PostgresConnectionString is null ? Path.Combine(nodes[0].DataPath, "community.db") : null;

    public async Task<(string[] RoomIds, HubTestClient[] Hubs)> SeatAsync(int roomCount, IReadOnlyList<int> roomOfPerson, int senderCount)
    {
        var network = new Network(nodes[0]);
        await network.SecretariatAsync();
        var members = await Task.WhenAll(Enumerable.Range(1, roomOfPerson.Count).Select(i => network.JoinAsync($"bench{i:000}")))
            .WaitAsync(SetupTimeout);
        var creators = Enumerable.Range(0, roomCount).Select(r => IndexOf(roomOfPerson, r)).ToArray();
        var roomIds = await Task.WhenAll(creators.Select(async (p, r) =>
            (await members[p].CreateRoomAsync(roomCount == 1 ? "Bench room" : $"Bench room {r + 1}")).Str("id")));
        await Task.WhenAll(members.Select((m, p) => (m, p)).Where(x => !creators.Contains(x.p))
            .Select(x => x.m.JoinRoomAsync(roomIds[roomOfPerson[x.p]])));

        // Dealt to the nodes in turn: the senders among themselves, the receivers among themselves.
        var hubs = await Task.WhenAll(members.Select((m, p) => nodes[(p < senderCount ? p : p - senderCount) % nodes.Length].ConnectAsync(m)));
        return (roomIds, hubs);
    }

    private static int IndexOf(IReadOnlyList<int> rooms, int room) =>
        Enumerable.Range(0, rooms.Count).First(p => rooms[p] == room);
}
