using System.Diagnostics;
using Community.Grains.Common;
using Community.Grains.Members;
using Community.Grains.Messages;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Community.Tests.Support;

namespace Community.Bench;

/// <summary>
/// The stores on their own, through the node's own store classes (its DI container), no hub or
/// grain in the way: appends at group-commit batch sizes 1, 8 and 64, history pages from a room of
/// a million messages (texts of a realistic mix, <see cref="MessageTexts"/>), message search over
/// them, a member's room list of 200 rooms, and the directory search over 5,000 members.
/// </summary>
internal static class StorageScenario
{
    public static readonly int[] BatchSizes = [1, 8, 64];

    /// <summary>The figures of the appends, one per batch size, by name (for the chart).</summary>
    public const string AppendsFigure = "appends, batches of ";

    public static string AppendsFigureOf(int batch) => $"{AppendsFigure}{batch}";

    /// <summary>History pages must come back within this at the 99th percentile.</summary>
    public const double PageP99TargetMs = 5;

    private const int PageSize = 50;
    private const int Queries = 200;
    private const int LoadBatch = 1_000;
    private const int ListedRooms = 200;
    private const int DirectoryMembers = 5_000;
    private const string Text = "久しぶり！元気にしてる？ 来月のランチ会、渋谷でどうかな。";

    public static async Task<ScenarioResult> RunAsync(string name, string setup, CommunityNode node, bool postgres, BenchOptions options,
        CapturingLoggerProvider log)
    {
        var store = new Stores(node.GetRequiredService<IMessageStore>(), node.GetRequiredService<IRoomStore>(), node.GetRequiredService<IMemberStore>(),
            node.GetRequiredService<TimeProvider>());
        var owner = (await store.Members.GetByHandleAsync(CommunityNode.SecretariatHandle))!.Profile.Id;
        var figures = new List<Figure>();
        var appendTarget = postgres ? 30_000 : 50_000;

        foreach (var batch in BatchSizes)
        {
            var room = await store.NewRoomAsync(owner, $"append x{batch}");
            var start = Stopwatch.GetTimestamp();
            await store.AppendAsync(room, owner, options.Appends, batch, $"{name}: appends in batches of {batch}");
            var rate = options.Appends / Stopwatch.GetElapsedTime(start).TotalSeconds;
            figures.Add(new Figure(AppendsFigureOf(batch), rate, "msgs/s", $">= {appendTarget:#,0}/s", rate >= appendTarget));
        }

        var history = await store.NewRoomAsync(owner, "history");
        var loading = Stopwatch.GetTimestamp();
        var texts = new MessageTexts(42);
        await store.AppendAsync(history, owner, options.History, LoadBatch, $"{name}: loading the history room", texts.Next);
        var loaded = Stopwatch.GetElapsedTime(loading);
        figures.Add(new Figure($"history room loaded: {options.History:#,0} messages in batches of {LoadBatch:#,0}", loaded.TotalSeconds, "s"));
        var random = new Random(42);
        long AnySeq() => random.NextInt64(PageSize + 1, options.History - PageSize + 1);
        foreach (var (what, before, after) in new (string, Func<long?>, Func<long?>)[]
        {
            ("history page: the latest (no cursor)", () => null, () => null),
            ("history page: backward (before a seq)", () => AnySeq(), () => null),
            ("history page: forward (after a seq)", () => null, () => AnySeq()),
            ("history page: after the newest but 20 (catch-up)", () => null, () => options.History - 20),
        })
        {
            var latency = await TimeAsync(() => store.Messages.PageAsync(history, before(), after(), PageSize, owner));
            figures.Add(new Figure($"{what} p50", latency.P50, "ms"));
            figures.Add(new Figure($"{what} p99", latency.P99, "ms", $"<= {PageP99TargetMs:0} ms", latency.P99 <= PageP99TargetMs));
        }

        figures.AddRange(await SearchFigures.MeasureAsync(node.GetRequiredService<IMessageSearchStore>(), owner, options.History, TimeAsync));

        var lister = await store.NewMemberAsync("lister", "Room Lister");
        var listed = 0;
        await using (Progress.Ticking(() => $"{name}: {Volatile.Read(ref listed)} of {ListedRooms} rooms for the room list"))
        {
            for (; listed < ListedRooms; listed++)
            {
                var room = await store.NewRoomAsync(lister, $"listed {listed + 1}");
                await store.AppendAsync(room, lister, 1, 1, null);
            }
        }
        var listing = await TimeAsync(() => store.Rooms.ListForMemberAsync(lister));
        figures.Add(new Figure($"a member's room list, {ListedRooms} rooms p50", listing.P50, "ms"));
        figures.Add(new Figure($"a member's room list, {ListedRooms} rooms p99", listing.P99, "ms"));

        var directory = Stopwatch.GetTimestamp();
        await store.DirectoryAsync(DirectoryMembers, $"{name}: directory members");
        figures.Add(new Figure($"directory: {DirectoryMembers:#,0} members created", Stopwatch.GetElapsedTime(directory).TotalSeconds, "s"));
        string[] queries = ["営業", "Tanaka", "engineer", "田中", "nobody-matches-this"];
        var search = await TimeAsync(() => store.Members.SearchAsync(queries[random.Next(queries.Length)], PageSize, null));
        figures.Add(new Figure($"directory search over {DirectoryMembers:#,0} members p50", search.P50, "ms"));
        figures.Add(new Figure($"directory search over {DirectoryMembers:#,0} members p99", search.P99, "ms"));

        return new ScenarioResult(name, setup, 0, double.NaN, double.NaN, "", Latency.None, Latency.None, [], log.Lines) { Figures = figures };
    }

    /// <summary>Runs <paramref name="query"/> <see cref="Queries"/> times, one after another, after a few untimed runs.</summary>
    private static async Task<Latency> TimeAsync<T>(Func<Task<T>> query)
    {
        for (var i = 0; i < 10; i++) await query();
        var ticks = new long[Queries];
        for (var i = 0; i < Queries; i++)
        {
            var at = Stopwatch.GetTimestamp();
            await query();
            ticks[i] = Stopwatch.GetTimestamp() - at;
        }
        return Latency.Of(ticks);
    }

    private sealed record Stores(IMessageStore Messages, IRoomStore Rooms, IMemberStore Members, TimeProvider Time)
    {
        public async Task<string> NewRoomAsync(string ownerId, string roomName)
        {
            var id = Ids.NewRoomId();
            await Rooms.CreateAsync(new RoomInfo(id, RoomKinds.Room, roomName, "", Visibility.Public, ownerId, Time.Now(), 0),
                [new RoomMember(id, ownerId, RoomRoles.Owner, Time.Now(), 0)]);
            return id;
        }

        public async Task<string> NewMemberAsync(string handle, string displayName, string headline = "", string company = "")
        {
            var profile = MemberProfile.New(Ids.NewMemberId(), handle, displayName, MemberRoles.Alumnus, Time.Now()) with
            {
                Headline = headline, CurrentCompany = company,
            };
            if (!await Members.CreateAsync(profile, "bench-seeded-member")) throw new InvalidOperationException($"handle {handle} is taken");
            return profile.Id;
        }

        /// <summary>Appends <paramref name="count"/> messages in batches, one transaction each, as a room's group commit does.</summary>
        public async Task AppendAsync(string roomId, string senderId, int count, int batch, string? label, Func<string>? text = null)
        {
            var done = 0;
            await using var ticking = label is null ? null : Progress.Ticking(() => $"{label}: {Volatile.Read(ref done):#,0} of {count:#,0}");
            for (var first = 1; first <= count; first += batch)
            {
                var messages = Enumerable.Range(first, Math.Min(batch, count - first + 1))
                    .Select(seq => new ChatMessage(roomId, seq, senderId, $"bench-{seq}", text?.Invoke() ?? Text, null, null, [], Time.Now(), null, false, []))
                    .ToArray();
                await Messages.AppendAsync(messages);
                Volatile.Write(ref done, first + messages.Length - 1);
            }
        }

        /// <summary>Members with names, headlines and companies that the directory's queries find in part.</summary>
        public async Task DirectoryAsync(int count, string label)
        {
            string[] family = ["田中", "Tanaka", "佐藤", "Suzuki", "高橋", "Watanabe"];
            string[] headlines = ["営業部長", "software engineer", "デザイナー", "product manager", "人事", "data engineer"];
            string[] companies = ["Example KK", "株式会社サンプル", "Acme", "Globex"];
            var done = 0;
            await using var ticking = Progress.Ticking(() => $"{label}: {Volatile.Read(ref done):#,0} of {count:#,0}");
            for (var i = 0; i < count; i++)
            {
                await NewMemberAsync($"dir{i:00000}", $"{family[i % family.Length]} {i}", headlines[i % headlines.Length], companies[i % companies.Length]);
                done = i + 1;
            }
        }
    }
}
