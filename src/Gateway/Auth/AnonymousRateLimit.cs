using System.Threading.RateLimiting;
using Community.Gateway.Errors;
using Community.Grains.Errors;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Community.Gateway.Auth;

/// <summary>
/// Limits what anyone may ask without a token (sign-in, sign-up) per client address, beside the
/// per-handle limit on sign-in: guessing passwords for many handles, or trying invitation codes,
/// from one address runs into this one (<c>Community:Limits:AnonymousRequestBurst</c> /
/// <c>AnonymousRequestsPerMinute</c>). Refused with <c>rate_limited</c> and <c>Retry-After</c>.
/// </summary>
internal static class AnonymousRateLimit
{
    public const string Policy = "anonymous";

    public static IServiceCollection AddAnonymousRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(ClientAddress.Of(context),
                _ => Bucket(context.RequestServices.GetRequiredService<IOptions<CommunityLimits>>().Value)));
            options.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan after) ? after : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
                return new ValueTask(ProblemWriter.WriteAsync(rejected.HttpContext,
                    CommunityException.RateLimited($"too many attempts from your address: try again in {seconds} s", TimeSpan.FromSeconds(seconds))));
            };
        });

    /// <summary>Refilled a little at a time (at most once a second), not all at once at the turn of each minute.</summary>
    private static TokenBucketRateLimiterOptions Bucket(CommunityLimits limits)
    {
        var perMinute = Math.Max(1, limits.AnonymousRequestsPerMinute);
        var period = TimeSpan.FromMinutes(1) / perMinute;
        var tokens = 1;
        if (period < TimeSpan.FromSeconds(1))
        {
            period = TimeSpan.FromSeconds(1);
            tokens = (int)Math.Ceiling(perMinute / 60.0);
        }
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, limits.AnonymousRequestBurst),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            AutoReplenishment = true,
            QueueLimit = 0,
        };
    }
}
