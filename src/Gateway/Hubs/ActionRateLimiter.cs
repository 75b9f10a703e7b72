using System.Threading.RateLimiting;
using Community.Gateway.Auth;
using Microsoft.Extensions.Options;

namespace Community.Gateway.Hubs;

/// <summary>
/// A token bucket per member for what reaches a room's members: sends, edits, reactions and
/// typing notices all take from it (<c>Community:Limits:MessageBurst</c> / <c>MessagesPerSecond</c>).
/// </summary>
public sealed class ActionRateLimiter(IOptions<CommunityLimits> limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(memberId =>
        RateLimitPartition.GetTokenBucketLimiter(memberId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.Value.MessageBurst,
            TokensPerPeriod = limits.Value.MessagesPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            AutoReplenishment = true,
            QueueLimit = 0,
        }));

    /// <summary>Takes one token, or refuses with <c>rate_limited</c> and when to retry.</summary>
    public void Take(string memberId) =>
        _limiter.TakeOrRefuse(memberId, TimeSpan.FromSeconds(1),
            retryAfter => $"too many messages, edits or reactions: try again in {Math.Ceiling(retryAfter.TotalSeconds)} s");

    /// <summary>Takes one token if there is one; false when the member is over their rate.</summary>
    public bool TryTake(string memberId)
    {
        using var lease = _limiter.AttemptAcquire(memberId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
