using Community.Bench.NodeChild;
using Community.Tests.Support;

namespace Community.Bench;

/// <summary>The product's node in a process of its own (<see cref="NodeProcess"/>) as a room server: it seats the members, this process connects them.</summary>
internal sealed class RemoteProductServer(NodeProcess node) : IRoomServer
{
    public string Kind => Target.Product;

    public string? DatabaseFile => node.DatabaseFile;

    public NodeProcess? Node => node;

    public async Task<(string[] RoomIds, HubTestClient[] Hubs)> SeatAsync(int roomCount, IReadOnlyList<int> roomOfPerson, int senderCount)
    {
        var (roomIds, tokens) = await node.SeatAsync(roomCount, roomOfPerson);
        var hubs = await Task.WhenAll(tokens.Select(token => HubTestClient.ConnectReadyAsync(node.BaseAddress, token)));
        return (roomIds, hubs);
    }
}
