using Community.Tests.Support;

namespace Community.Bench;

/// <summary>
/// People seated in the product's rooms: members sign up through the secretariat's invitations, the first member
/// seated in each room creates it, the others join it.
/// </summary>
internal static class ProductSeating
{
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The rooms' ids, and a member for each person in order, in the room <paramref name="roomOfPerson"/> gives them.</summary>
    public static async Task<(string[] RoomIds, TestMember[] Members)> SeatAsync(Network network, int roomCount, IReadOnlyList<int> roomOfPerson)
    {
        await network.SecretariatAsync();
        var members = await Task.WhenAll(Enumerable.Range(1, roomOfPerson.Count).Select(i => network.JoinAsync($"bench{i:000}")))
            .WaitAsync(SetupTimeout);
        var creators = Enumerable.Range(0, roomCount).Select(r => IndexOf(roomOfPerson, r)).ToArray();
        var roomIds = await Task.WhenAll(creators.Select(async (p, r) =>
            (await members[p].CreateRoomAsync(roomCount == 1 ? "Bench room" : $"Bench room {r + 1}")).Str("id")));
        await Task.WhenAll(members.Select((m, p) => (m, p)).Where(x => !creators.Contains(x.p))
            .Select(x => x.m.JoinRoomAsync(roomIds[roomOfPerson[x.p]])));
        return (roomIds, members);
    }

    private static int IndexOf(IReadOnlyList<int> rooms, int room) =>
        Enumerable.Range(0, rooms.Count).First(p => rooms[p] == room);
}
