namespace Community.Gateway.Hubs;

/// <summary>Events the hub itself sends, beyond those grains publish.</summary>
internal static class HubEvents
{
    /// <summary>The connection is in all its rooms; sent once, first, to the connection alone.</summary>
    public const string Ready = "ready";
}
