using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// Builds a small network on a data folder of its own, records what its members see, stops
/// the node and starts a new one on the same folder, then records again. The tests compare
/// the two records and go on using the restarted node.
/// </summary>
public sealed class RoomsRestartFixture : IAsyncLifetime
{
    private readonly string _dataPath = CommunityNode.NewDataPath();
    private CommunityNode? _node;
    private Restarted? _state;

    /// <summary>The node started on the data the first node left.</summary>
    public CommunityNode Node => _node ?? throw NotStarted();

    public Restarted State => _state ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        try
        {
            var (alice, bob, rooms, firstMessage, before) = await BuildOnFirstNodeAsync();
            _node = await CommunityNode.StartAsync(_dataPath);
            alice = alice with { Http = _node.ClientFor(alice.Token) };
            bob = bob with { Http = _node.ClientFor(bob.Token) };
            var after = await RoomsRecord.TakeAsync([alice, bob], rooms);
            _state = new Restarted(alice, bob, rooms, firstMessage, before, after);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
        CommunityNode.DeleteData(_dataPath);
    }

    private async Task<(TestMember Alice, TestMember Bob, RestartRooms Rooms, JsonElement FirstMessage, RoomsRecord Before)> BuildOnFirstNodeAsync()
    {
        await using var node = await CommunityNode.StartAsync(_dataPath);
        var network = new Network(node);
        var alice = await network.JoinAsync("alice", "山田 花子");
        var bob = await network.JoinAsync("bob", "佐藤 太郎");
        var rooms = new RestartRooms(
            (await Steps.CreateRoomAsync(alice, "同窓会 2026", topic: "久しぶりに集まりましょう")).Str("id"),
            (await Steps.CreateRoomAsync(alice, "幹事会", "private", "準備の相談")).Str("id"),
            (await Steps.OpenDmAsync(bob, alice.Id)).Str("id"));
        await Steps.JoinRoomAsync(bob, rooms.Public);
        await Steps.AddMemberAsync(alice, rooms.Private, bob.Id);

        await using var aliceHub = await node.ConnectAsync(alice);
        await using var bobHub = await node.ConnectAsync(bob);

        // Public room: 1 and 4 plain, 2 edited, 3 deleted. Alice has read up to her own 3.
        var firstMessage = await aliceHub.SendTextAsync(rooms.Public, "皆さんお久しぶりです", "pub-1");
        await bobHub.SendTextAsync(rooms.Public, "元気です", "pub-2");
        await bobHub.InvokeAsync("EditMessage", rooms.Public, 2, "元気です！ みんなは？");
        await aliceHub.SendTextAsync(rooms.Public, "間違えました", "pub-3");
        await aliceHub.InvokeVoidAsync("DeleteMessage", rooms.Public, 3);
        await bobHub.SendTextAsync(rooms.Public, "また会いましょう", "pub-4");

        // Private room: the last message is edited; Alice marks 2 of 3 read.
        await aliceHub.SendTextAsync(rooms.Private, "来月の集まりの件", "priv-1");
        await bobHub.SendTextAsync(rooms.Private, "了解です", "priv-2");
        await bobHub.SendTextAsync(rooms.Private, "場所は新宿で", "priv-3");
        await bobHub.InvokeAsync("EditMessage", rooms.Private, 3, "場所は新宿駅の近くで");
        await aliceHub.InvokeVoidAsync("MarkRead", rooms.Private, 2);

        // DM: the last message is deleted.
        await bobHub.SendTextAsync(rooms.Dm, "久しぶり！", "dm-1");
        await aliceHub.SendTextAsync(rooms.Dm, "元気？", "dm-2");
        await bobHub.SendTextAsync(rooms.Dm, "間違い", "dm-3");
        await bobHub.InvokeVoidAsync("DeleteMessage", rooms.Dm, 3);

        var before = await RoomsRecord.TakeAsync([alice, bob], rooms);
        return (alice, bob, rooms, firstMessage, before);
    }

    private static InvalidOperationException NotStarted() => new("The fixture has not started.");
}

/// <summary>The rooms the restart tests look at.</summary>
public sealed record RestartRooms(string Public, string Private, string Dm)
{
    public IReadOnlyList<string> All => [Public, Private, Dm];
}

/// <summary>What the restart fixture leaves the tests: members bound to the new node, the rooms, and the two records.</summary>
public sealed record Restarted(
    TestMember Alice, TestMember Bob, RestartRooms Rooms, JsonElement FirstMessage, RoomsRecord Before, RoomsRecord After);

/// <summary>The JSON members get from the room endpoints, keyed by who asked for what.</summary>
public sealed record RoomsRecord(IReadOnlyDictionary<string, string> Answers)
{
    public static async Task<RoomsRecord> TakeAsync(IReadOnlyList<TestMember> members, RestartRooms rooms)
    {
        var answers = new Dictionary<string, string>();
        foreach (var member in members)
        {
            answers[Key(member, "rooms")] = (await Steps.GetAsync(member, "/api/rooms")).GetRawText();
            foreach (var room in rooms.All)
            {
                answers[Key(member, $"room {room}")] = (await Steps.GetAsync(member, $"/api/rooms/{room}")).GetRawText();
                answers[Key(member, $"history {room}")] = JsonSerializer.Serialize(await Steps.HistoryAsync(member, room));
                answers[Key(member, $"members {room}")] = Describe(await Steps.MembersOfAsync(member, room));
            }
        }

        return new RoomsRecord(answers);
    }

    public static string Key(TestMember member, string what) => $"{member.Handle}: {what}";

    public string this[TestMember member, string what] => Answers[Key(member, what)];

    /// <summary>Members with their room role, sorted (the order is not part of the contract); presence left out.</summary>
    private static string Describe(IEnumerable<JsonElement> members) => string.Join("\n", members
        .Select(m => m.GetProperty("member"))
        .Zip(members.Select(m => m.Str("role")))
        .Select(p => $"{p.First.Str("id")} {p.First.Str("handle")} {p.First.Str("displayName")} {p.First.Str("role")} " +
            $"{p.First.GetProperty("joinedAt").GetRawText()} {p.Second}")
        .Order(StringComparer.Ordinal));
}
