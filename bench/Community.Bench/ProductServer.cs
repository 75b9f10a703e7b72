using Community.Tests.Support;

namespace Community.Bench;

/// <summary>
/// The product's nodes, in this process, as a room server: members are seated (<see cref="ProductSeating"/>) and each
/// connects to the hub with their token. With several nodes, senders and receivers are dealt to them in turn, so that
/// each room has receivers on every node when it has enough of them.
/// </summary>
internal sealed class ProductServer(CommunityNode[] nodes) : IRoomServer
{
    public string Kind => Target.Product;

    public string? DatabaseFile => nodes[0].PostgresConnectionString is null ? Path.Combine(nodes[0].DataPath, "community.db") : null;

    public async Task<(string[] RoomIds, HubTestClient[] Hubs)> SeatAsync(int roomCount, IReadOnlyList<int> roomOfPerson, int senderCount)
    {
        var (roomIds, members) = await ProductSeating.SeatAsync(new Network(nodes[0]), roomCount, roomOfPerson);
        // Dealt to the nodes in turn: the senders among themselves, the receivers among themselves.
        var hubs = await Task.WhenAll(members.Select((m, p) => nodes[(p < senderCount ? p : p - senderCount) % nodes.Length].ConnectAsync(m)));
        return (roomIds, hubs);
    }
}
