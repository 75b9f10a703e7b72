namespace Community.Gateway.Auth;

/// <summary>Rate limits (<c>Community:Limits</c> configuration).</summary>
public sealed class CommunityLimits
{
    public int LoginAttemptsPerWindow { get; set; } = 10;
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many messages a member may send in a burst, and how many more per second after it.</summary>
    public int MessageBurst { get; set; } = 30;
    public int MessagesPerSecond { get; set; } = 5;

    /// <summary>The largest hub message a client may send, in bytes.</summary>
    public long MaxHubMessageBytes { get; set; } = 64 * 1024;

    /// <summary>The largest REST request body, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
