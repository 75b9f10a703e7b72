using Community.Tests.Support;

namespace Community.Bench;

/// <summary>A server the load client drives: the product's nodes (<see cref="ProductServer"/>) or bare SignalR (<see cref="Bare.BareServer"/>).</summary>
internal interface IRoomServer
{
    /// <summary><see cref="Target.Product"/> or <see cref="Target.Bare"/>.</summary>
    string Kind { get; }

    /// <summary>The SQLite database file whose checkpoints <see cref="PauseWatch"/> looks for; null when there is none.</summary>
    string? DatabaseFile { get; }

    /// <summary>The process of its own the server runs in, whose GC pauses <see cref="PauseWatch"/> reports; null when it runs in this one.</summary>
    NodeChild.NodeProcess? Node => null;

    /// <summary>
    /// Makes <paramref name="roomCount"/> rooms and, for each person in order (the first
    /// <paramref name="senderCount"/> are senders), a hub connection that hears every message of
    /// the room <paramref name="roomOfPerson"/> gives them.
    /// </summary>
    Task<(string[] RoomIds, HubTestClient[] Hubs)> SeatAsync(int roomCount, IReadOnlyList<int> roomOfPerson, int senderCount);
}

/// <summary>The names of the two kinds of server in a side-by-side run.</summary>
internal static class Target
{
    public const string Product = "product";
    public const string Bare = "bare";
}
