using Community.Grains.Members;
using Community.Grains.Messages;
using Community.Grains.Rooms;

namespace Community.Tests.Silo.Storage;

/// <summary>
/// What every storage contract shares: a fresh empty database per test, built by the store under
/// test, and helpers that seed members and rooms through the interfaces only.
/// </summary>
public abstract class StorageContract : IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The first test of a run to ask for PostgreSQL starts its cluster (initdb, pg_ctl): ~10 s alone here, more on a busy machine.</summary>
    private static readonly TimeSpan CreateTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A Tokyo time with milliseconds, so round trips show whether precision or the instant is lost.</summary>
    protected static readonly DateTimeOffset T0 = new(2026, 11, 21, 9, 30, 15, 123, TimeSpan.FromHours(9));

    private readonly List<IStorageUnderTest> _secondNodes = [];
    private IStorageUnderTest? _stores;

    protected IStorageUnderTest Stores => _stores ?? throw new InvalidOperationException("The stores are created before each test.");

    /// <summary>Stores over a fresh, migrated, empty database owned by the returned object.</summary>
    protected abstract Task<IStorageUnderTest> CreateStoresAsync();

    public virtual async Task InitializeAsync() => _stores = await CreateStoresAsync().WaitAsync(CreateTimeout);

    public async Task DisposeAsync()
    {
        foreach (var node in _secondNodes) await node.DisposeAsync().AsTask().WaitAsync(Timeout);
        if (_stores is not null) await _stores.DisposeAsync().AsTask().WaitAsync(Timeout);
    }

    /// <summary>Other store instances over the test's database, as a second node holds them; disposed with the test.</summary>
    protected async Task<IStorageUnderTest> OpenSecondNodeAsync()
    {
        var node = await Stores.OpenSecondNodeAsync().WaitAsync(Timeout);
        _secondNodes.Add(node);
        return node;
    }

    protected async Task<MemberProfile> AddMemberAsync(string id, string handle, string? displayName = null)
    {
        var profile = MemberProfile.New(id, handle, displayName ?? handle, MemberRoles.Alumnus, T0);
        Assert.True(await Stores.Members.CreateAsync(profile, "hash-" + id).WaitAsync(Timeout));
        return profile;
    }

    protected async Task<RoomInfo> AddRoomAsync(
        string id, IReadOnlyList<string> memberIds, DateTimeOffset? createdAt = null,
        string kind = RoomKinds.Room, string visibility = Visibility.Public, string? name = null, string topic = "")
    {
        var at = createdAt ?? T0;
        var info = new RoomInfo(id, kind, name ?? id, topic, visibility, memberIds.FirstOrDefault() ?? "m_nobody", at, LastSeq: 0, Version: 1);
        var members = memberIds.Select((m, i) => new RoomMember(id, m, i == 0 ? RoomRoles.Owner : RoomRoles.Member, at, 0)).ToArray();
        Assert.True(await Stores.Rooms.CreateAsync(info, members).WaitAsync(Timeout));
        return info;
    }

    protected static ChatMessage Message(string roomId, long seq, string senderId, string? text = null, DateTimeOffset? sentAt = null) =>
        new(roomId, seq, senderId, $"c-{senderId}-{seq}", text ?? $"message {seq}", StampId: null, ReplyToSeq: null,
            Mentions: [], sentAt ?? T0.AddSeconds(seq), EditedAt: null, Deleted: false, Reactions: []);
}
