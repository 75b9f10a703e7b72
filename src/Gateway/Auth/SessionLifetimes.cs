using Community.Grains.Storage;

namespace Community.Gateway.Auth;

/// <summary>How long a signed-in session lasts (<c>Community:Sessions</c> configuration).</summary>
public sealed class SessionLifetimes
{
    public const string Section = "Community:Sessions";

    /// <summary>A session not used for this long ends.</summary>
    public TimeSpan IdleLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A session ends this long after sign-in, however much it is used.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>When the session ends if it is not used again.</summary>
    public DateTimeOffset ExpiresAt(Session session)
    {
        var absolute = session.CreatedAt + AbsoluteLifetime;
        var idle = session.LastSeenAt + IdleLifetime;
        return absolute < idle ? absolute : idle;
    }

    /// <summary>Use is recorded to the minute (<see cref="TokenService.TouchInterval"/>): a shorter idle lifetime would end sessions in use.</summary>
    public bool IsValid() => IdleLifetime >= 2 * TokenService.TouchInterval && AbsoluteLifetime > TimeSpan.Zero;
}
