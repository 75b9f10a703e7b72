namespace Community.Silo.Events;

/// <summary>The PostgreSQL backplane (<c>Community:Backplane</c> configuration).</summary>
public sealed class BackplaneOptions
{
    /// <summary>The LISTEN/NOTIFY channel the nodes of one network share.</summary>
    public string Channel { get; set; } = "community_events";

    /// <summary>Largest notification payload sent; PostgreSQL's limit is just under 8,000 bytes.</summary>
    public int MaxNotifyBytes { get; set; } = 7500;

    /// <summary>How long a large event's stored body is kept for nodes to fetch.</summary>
    public TimeSpan PayloadRetention { get; set; } = TimeSpan.FromHours(1);
}
