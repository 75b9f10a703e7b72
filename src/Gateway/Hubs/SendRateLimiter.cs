using System.Threading.RateLimiting;
using Community.Gateway.Auth;
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

    public void Take(string memberId) =>
        _limiter.TakeOrRefuse(memberId, TimeSpan.FromSeconds(1), retryAfter => $"too many messages: try again in {Math.Ceiling(retryAfter.TotalSeconds)} s");

    public void Dispose() => _limiter.Dispose();
}
