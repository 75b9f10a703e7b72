using System.Collections.Concurrent;
using Community.Gateway.Auth;
using Microsoft.Extensions.Options;

namespace Community.Gateway.Hubs;

/// <summary>
/// At most one typing notice per member per room per <c>Community:Limits:TypingInterval</c> is
/// relayed from this node: "is typing" says nothing new until the last notice has nearly lapsed,
/// so the calls in between are dropped without a word, as clients expect of a hint.
/// </summary>
public sealed class TypingThrottle(IOptions<CommunityLimits> limits, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string MemberId, string RoomId), long> _lastRelayed = new();
    private long _nextSweep;

    private TimeSpan Interval => limits.Value.TypingInterval;

    /// <summary>Claims the member's next notice in the room; false when one was relayed within the interval.</summary>
    public bool TryClaim(string memberId, string roomId, out TypingClaim claim)
    {
        var now = time.GetTimestamp();
        SweepNow(now);
        var key = (memberId, roomId);
        claim = new TypingClaim(key, now);
        while (true)
        {
            if (_lastRelayed.TryGetValue(key, out var last))
            {
                if (time.GetElapsedTime(last, now) < Interval) return false;
                if (_lastRelayed.TryUpdate(key, now, last)) return true;
            }
            else if (_lastRelayed.TryAdd(key, now))
            {
                return true;
            }
        }
    }

    /// <summary>Gives a claim back when its notice was refused (not a member, no such room), so the refusal says so every time.</summary>
    public void Release(TypingClaim claim) =>
        _lastRelayed.TryRemove(new KeyValuePair<(string, string), long>(claim.Key, claim.At));

    /// <summary>Forgets, once per interval, the notices whose interval has passed: the map holds only who typed lately.</summary>
    private void SweepNow(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + (long)(Interval.TotalSeconds * time.TimestampFrequency), due) != due) return;
        foreach (var (key, at) in _lastRelayed)
            if (time.GetElapsedTime(at, now) >= Interval) _lastRelayed.TryRemove(new KeyValuePair<(string, string), long>(key, at));
    }
}

/// <summary>A typing notice let through, which <see cref="TypingThrottle.Release"/> can give back.</summary>
public readonly record struct TypingClaim((string MemberId, string RoomId) Key, long At);
