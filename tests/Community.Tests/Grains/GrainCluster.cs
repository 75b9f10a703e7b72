using Community.Grains.Common;
using Community.Grains.Conversations;
using Community.Grains.Events;
using Community.Grains.Members;
using Community.Grains.Messages;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Community.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Community.Tests.Grains;

/// <summary>
/// A TestCluster of two in-process silos running Community's grains over the real stores: one
/// SQLite file in a temp folder (two silos of one process may share it through the store
/// classes), or a PostgreSQL database of its own when <see cref="TestStore"/> says so. Shared by
/// the classes of <see cref="GrainClusterCollection"/>; each test seeds members and rooms of its own.
/// Silos can be restarted by a test, so nothing here keeps a silo: each call asks the cluster.
/// </summary>
public sealed class GrainCluster : IAsyncLifetime
{
    /// <summary>How long one grain call may take.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a batch of concurrent calls, or a silo's start or stop, may take.</summary>
    public static readonly TimeSpan BatchTimeout = TimeSpan.FromSeconds(90);

    private string? _dataPath;
    private string? _postgres;

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.Options.ConfigureFileLogging = false;
        if (TestStore.IsPostgres)
        {
            _postgres = await PostgresServer.CreateDatabaseAsync().WaitAsync(BatchTimeout);
            builder.Properties["Community:Storage:Provider"] = "postgres";
            builder.Properties["ConnectionStrings:Postgres"] = _postgres;
        }
        else
        {
            _dataPath = CommunityNode.NewDataPath();
            builder.Properties["Community:DataPath"] = _dataPath;
        }
        builder.AddSiloBuilderConfigurator<CommunitySiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync().WaitAsync(BatchTimeout);
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync().WaitAsync(BatchTimeout);
            await Cluster.DisposeAsync().AsTask().WaitAsync(BatchTimeout);
        }
        if (_dataPath is not null)
        {
            SqliteConnection.ClearAllPools();
            CommunityNode.DeleteData(_dataPath);
        }
        if (_postgres is not null) await PostgresServer.DropDatabaseAsync(_postgres).WaitAsync(BatchTimeout);
    }

    /// <summary>The ways into the cluster: its client, and each silo's own grain factory.</summary>
    public IReadOnlyList<IGrainFactory> Callers() =>
        [Cluster.Client, .. Cluster.Silos.Select(silo => ServicesOf(silo).GetRequiredService<IGrainFactory>())];

    public IServiceProvider ServicesOf(SiloHandle silo) => Cluster.GetSiloServiceProvider(silo.SiloAddress);

    public IGrainFactory FactoryOf(SiloHandle silo) => ServicesOf(silo).GetRequiredService<IGrainFactory>();

    /// <summary>One service of each running silo.</summary>
    public IReadOnlyList<T> OnEverySilo<T>() where T : notnull => Cluster.Silos.Select(silo => ServicesOf(silo).GetRequiredService<T>()).ToArray();

    public T OnAnySilo<T>() where T : notnull => ServicesOf(Cluster.Silos[0]).GetRequiredService<T>();

    /// <summary>A new member, written through the member store as sign-up does (a member grain has no creation call).</summary>
    public async Task<Actor> NewMemberAsync(string role = MemberRoles.Alumnus)
    {
        var id = Ids.NewMemberId();
        var profile = MemberProfile.New(id, "g" + id[2..], $"Member {id[2..8]}", role, TimeProvider.System.GetUtcNow());
        Assert.True(await OnAnySilo<IMemberStore>().CreateAsync(profile, passwordHash: "not-a-real-hash").WaitAsync(CallTimeout));
        return new Actor(id, role);
    }

    public async Task<Actor[]> NewMembersAsync(int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => NewMemberAsync())).WaitAsync(BatchTimeout);

    /// <summary>A new public talk room that <paramref name="owner"/> creates and <paramref name="members"/> join, through the room's grain.</summary>
    public async Task<string> NewRoomAsync(Actor owner, IEnumerable<Actor> members)
    {
        var roomId = Ids.NewRoomId();
        var room = Cluster.Client.GetGrain<IRoomGrain>(roomId);
        await room.CreateAsync(owner, new CreateRoom($"Room {roomId[2..8]}", "grain tests", Visibility.Public, RoomKinds.Room)).WaitAsync(CallTimeout);
        foreach (var member in members) await room.JoinAsync(member).WaitAsync(CallTimeout);
        return roomId;
    }

    /// <summary>The room's whole log as stored, in seq order.</summary>
    public async Task<IReadOnlyList<ChatMessage>> StoredLogAsync(string roomId)
    {
        var store = OnAnySilo<IMessageStore>();
        var log = new List<ChatMessage>();
        while (true)
        {
            var page = await store.PageAsync(roomId, beforeSeq: null, afterSeq: log.Count == 0 ? 0 : log[^1].Seq, Limits.PageMax, viewerId: "m_grain-tests")
                .WaitAsync(CallTimeout);
            if (page.Count == 0) return log;
            log.AddRange(page);
        }
    }

    /// <summary>The append transactions the room opened, on every running silo.</summary>
    public int AppendsTo(string roomId) => OnEverySilo<ObservedMessageStore>().Sum(store => store.AppendsTo(roomId));

    /// <summary>Keeps the room's appends waiting, on every running silo, until the hold is released or disposed.</summary>
    internal AppendHold HoldAppendsTo(string roomId)
    {
        var stores = OnEverySilo<ObservedMessageStore>();
        var hold = new AppendHold(roomId, stores);
        foreach (var store in stores) store.Hold(hold);
        return hold;
    }

    /// <summary>Completes once <paramref name="count"/> sends are in the room's queue (they all reach its one activation, on one silo).</summary>
    public Task SendsArrivedAsync(string roomId, int count) =>
        Task.WhenAny(OnEverySilo<SendArrivals>().Select(arrivals => arrivals.WaitForAsync(roomId, count))).Unwrap();

    /// <summary>The room's <c>message</c> events, as each running silo's grains published them, in order.</summary>
    public IReadOnlyList<IReadOnlyList<ChatMessage>> MessageEventsBySilo(string roomId) =>
        OnEverySilo<EventRecorder>()
            .Select(recorder => (IReadOnlyList<ChatMessage>)recorder.Events.OfType<RoomEvent>()
                .Where(e => e.RoomId == roomId && e.Name == EventNames.Message)
                .Select(e => (ChatMessage)e.Payload)
                .ToArray())
            .ToArray();

    /// <summary>The room's events of one name, from every running silo.</summary>
    public IReadOnlyList<RoomEvent> RoomEvents(string roomId, string name) =>
        OnEverySilo<EventRecorder>().SelectMany(recorder => recorder.Events.OfType<RoomEvent>().Where(e => e.RoomId == roomId && e.Name == name)).ToArray();

    /// <summary>How many activations the grain has across the cluster, as Orleans' management grain counts them.</summary>
    public Task<int> ActivationCountAsync(IAddressable grain) =>
        Cluster.Client.GetGrain<IManagementGrain>(0).GetGrainActivationCount((GrainReference)grain).WaitAsync(CallTimeout);

    /// <summary>The silo that hosts the grain's activation now, as Orleans' management grain reports it; null when it has none.</summary>
    public async Task<SiloAddress?> HostOfAsync(IAddressable grain)
    {
        var statistics = await Cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics().WaitAsync(CallTimeout);
        return statistics.SingleOrDefault(s => s.GrainId.Equals(grain.GetGrainId()))?.SiloAddress;
    }
}
