using System.Threading.RateLimiting;
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

    public void Attempt(string handle) =>
        _limiter.TakeOrRefuse(handle.ToLowerInvariant(), limits.Value.LoginWindow, _ => "too many sign-in attempts for this handle");

    public void Dispose() => _limiter.Dispose();
}
