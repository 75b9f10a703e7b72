namespace Community.Grains.Storage;

/// <summary>
/// Which members have a connection on which node, and which nodes are alive. A member is online
/// while any live node holds a connection of theirs.
/// </summary>
public interface IPresenceStore
{
    /// <summary>Records that a node holds a connection of the member; true when the member was offline everywhere before.</summary>
    Task<bool> AddAsync(string memberId, string nodeId);

    /// <summary>Records that a node holds no more connections of the member; true when the member is now offline everywhere.</summary>
    Task<bool> RemoveAsync(string memberId, string nodeId);

    /// <summary>Tells the cluster the node is alive.</summary>
    Task HeartbeatAsync(string nodeId, DateTimeOffset now);

    /// <summary>
    /// Forgets nodes silent since before <paramref name="staleBefore"/> (or the given node, when it
    /// leaves), with their connections; returns the members now offline everywhere. Each such
    /// member is returned to one caller only.
    /// </summary>
    Task<IReadOnlyList<string>> ForgetNodesAsync(DateTimeOffset staleBefore, string? leavingNodeId = null);

    /// <summary>Those of the members who are online.</summary>
    Task<IReadOnlySet<string>> OnlineAsync(IReadOnlyCollection<string> memberIds);
}
