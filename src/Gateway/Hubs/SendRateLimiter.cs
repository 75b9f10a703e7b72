using System.Threading.RateLimiting;
using Community.Gateway.Auth;
using Community.Grains.Errors;
using Microsoft.Extensions.Options;

namespace Community.Gateway.Hubs;

/// <summary>A token bucket per member for sending messages.</summary>
public sealed class SendRateLimiter(IOptions<CommunityLimits> limits) : IDisposable
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

    public void Take(string memberId)
    {
        using var lease = _limiter.AttemptAcquire(memberId);
        if (lease.IsAcquired) return;
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan after) ? after : TimeSpan.FromSeconds(1);
        throw CommunityException.RateLimited(
            $"too many messages: try again in {Math.Ceiling(retryAfter.TotalSeconds)} s", retryAfter);
    }

    public void Dispose() => _limiter.Dispose();
}
