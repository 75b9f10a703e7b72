using Community.Grains.Stats;

namespace Community.Grains.Storage;

public interface IStatsStore
{
    /// <summary>Records that a member was active on a UTC day, and whether they posted; repeats are harmless.</summary>
    Task RecordActivityAsync(DateOnly day, string memberId, bool posted);

    /// <summary>
    /// Figures as of <paramref name="today"/>: "day" is that UTC day, "week" the 7 days and
    /// "month" the 30 days ending with it.
    /// </summary>
    Task<NetworkStats> GetAsync(DateOnly today, int topRooms);

    Task<BroadcastReach?> GetBroadcastReachAsync(long seq);
}
