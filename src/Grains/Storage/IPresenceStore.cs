namespace Community.Grains.Storage;

/// <summary>
/// Which hub connections are open, whose, and on which node; which nodes are alive. A member is
/// online while any live node holds a connection of theirs.
/// </summary>
public interface IPresenceStore
{
    /// <summary>Records an open connection of the member on a node; true when the member was offline everywhere before.</summary>
    Task<bool> AddAsync(string memberId, string nodeId, string connectionId);

    /// <summary>Records that a connection closed; true when it was the member's last one anywhere.</summary>
    Task<bool> RemoveAsync(string memberId, string connectionId);

    /// <summary>The member's open connections, on every node.</summary>
    Task<IReadOnlyList<string>> ConnectionsOfAsync(string memberId);

    /// <summary>The open connections of any of the members, on every node.</summary>
    Task<IReadOnlyList<string>> ConnectionsOfAsync(IReadOnlyCollection<string> memberIds);

    /// <summary>Tells the cluster the node is alive.</summary>
    Task HeartbeatAsync(string nodeId, DateTimeOffset now);

    /// <summary>
    /// Forgets nodes silent since before <paramref name="staleBefore"/> (or the given node, when it
    /// leaves or died), with their connections; returns the members now offline everywhere. Each
    /// such member is returned to one caller only.
    /// </summary>
    Task<IReadOnlyList<string>> ForgetNodesAsync(DateTimeOffset staleBefore, string? leavingNodeId = null);

    /// <summary>Those of the members who are online.</summary>
    Task<IReadOnlySet<string>> OnlineAsync(IReadOnlyCollection<string> memberIds);
}
