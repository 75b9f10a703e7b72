using System.Threading.RateLimiting;
using Community.Grains.Errors;

namespace Community.Gateway.Auth;

internal static class RateLimiterExtensions
{
    /// <summary>Takes one permit for <paramref name="key"/>, or refuses with <c>rate_limited</c> and when to retry.</summary>
    public static void TakeOrRefuse(this PartitionedRateLimiter<string> limiter, string key, TimeSpan fallbackRetry, Func<TimeSpan, string> refusal)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return;
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan after) ? after : fallbackRetry;
        throw CommunityException.RateLimited(refusal(retryAfter), retryAfter);
    }
}
