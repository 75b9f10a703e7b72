namespace Community.Gateway.Auth;

/// <summary>Rate limits (<c>Community:Limits</c> configuration).</summary>
public sealed class CommunityLimits
{
    public int LoginAttemptsPerWindow { get; set; } = 10;
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many messages, edits, reactions and typing notices a member may send in a burst, and how
    /// many more per second after it.
    /// </summary>
    public int MessageBurst { get; set; } = 30;
    public int MessagesPerSecond { get; set; } = 5;

    /// <summary>The least time between two typing notices of one member in one room that are relayed.</summary>
    public TimeSpan TypingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Anonymous requests (sign-in, sign-up) one client address may make in a burst, and how many
    /// more per minute after it. Generous enough for a reunion signing up on the venue's Wi-Fi.
    /// </summary>
    public int AnonymousRequestBurst { get; set; } = 30;
    public int AnonymousRequestsPerMinute { get; set; } = 30;

    /// <summary>How many password hashes run at once, on threads of their own; 0 hashes on the request's thread, unbounded.</summary>
    public int PasswordHashConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>How many hashes may wait for one of those threads; beyond it sign-ins are refused with <c>rate_limited</c>.</summary>
    public int PasswordHashQueue { get; set; } = 64;

    /// <summary>The largest hub message a client may send, in bytes.</summary>
    public long MaxHubMessageBytes { get; set; } = 64 * 1024;

    /// <summary>The largest REST request body, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
