using Community.Grains.Errors;

namespace Community.Gateway.Errors;

/// <summary>
/// A call that failed because the silo holding its grain died under it (or the cluster refused the
/// message while it moved the grain): nothing the call did was acknowledged, and the same call
/// succeeds once the cluster has declared the silo dead and placed the grain on a live one.
/// </summary>
internal static class SiloFailure
{
    /// <summary>When a client told <c>unavailable</c> should try again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    public static bool Is(Exception ex) => ex is SiloUnavailableException or OrleansMessageRejectionException;

    public static CommunityException AsRefusal() =>
        CommunityException.Unavailable("a server of the network stopped while handling this; nothing was changed by it, try again", RetryAfter);
}
