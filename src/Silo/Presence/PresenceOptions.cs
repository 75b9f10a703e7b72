namespace Community.Silo.Presence;

/// <summary>Node liveness (<c>Community:Presence</c> configuration).</summary>
public sealed class PresenceOptions
{
    /// <summary>How often a node says it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A node silent this long is taken for dead: its members' connections no longer count.</summary>
    public TimeSpan NodeTimeout { get; set; } = TimeSpan.FromSeconds(35);
}
