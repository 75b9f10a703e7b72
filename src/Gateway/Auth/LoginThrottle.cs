using System.Threading.RateLimiting;
using Community.Grains.Errors;
using Microsoft.Extensions.Options;

namespace Community.Gateway.Auth;

/// <summary>Limits sign-in attempts per handle, so a password cannot be guessed at speed.</summary>
public sealed class LoginThrottle(IOptions<CommunityLimits> limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(handle =>
        RateLimitPartition.GetFixedWindowLimiter(handle, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.Value.LoginAttemptsPerWindow,
            Window = limits.Value.LoginWindow,
            QueueLimit = 0,
        }));

    public void Attempt(string handle)
    {
        using var lease = _limiter.AttemptAcquire(handle.ToLowerInvariant());
        if (lease.IsAcquired) return;
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan after) ? after : limits.Value.LoginWindow;
        throw CommunityException.RateLimited("too many sign-in attempts for this handle", retryAfter);
    }

    public void Dispose() => _limiter.Dispose();
}
