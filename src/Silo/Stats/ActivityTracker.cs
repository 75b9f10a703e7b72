using System.Collections.Concurrent;
using Community.Grains.Stats;
using Community.Grains.Storage;

namespace Community.Silo.Stats;

/// <summary>Writes a member's activity once per day and kind; later records that day cost nothing.</summary>
internal sealed class ActivityTracker(IStatsStore stats, TimeProvider time) : IActivityTracker
{
    private readonly ConcurrentDictionary<(string MemberId, bool Posted), DateOnly> _recorded = new();

    public async Task RecordAsync(string memberId, bool posted)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var key = (memberId, posted);
        if (_recorded.TryGetValue(key, out var day) && day == today) return;
        await stats.RecordActivityAsync(today, memberId, posted);
        _recorded[key] = today;
    }
}
