using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Community.Gateway.Hubs;

/// <summary>The hub connections open on this node, by member: whose they are and which token opened them.</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, OpenConnection>> _byMember = new();

    /// <summary>Adds a connection; true when it is the member's only one on this node (they just came online here).</summary>
    public bool Add(HubCallerContext context, string memberId, string tokenHash)
    {
        var connections = _byMember.GetOrAdd(memberId, _ => new());
        lock (connections)
        {
            connections[context.ConnectionId] = new OpenConnection(context, tokenHash);
            return connections.Count == 1;
        }
    }

    /// <summary>Removes a connection; true when it was the member's last one on this node.</summary>
    public bool Remove(string memberId, string connectionId)
    {
        // The member's (possibly empty) entry stays: removing it could race with a connection being added.
        if (!_byMember.TryGetValue(memberId, out var connections)) return false;
        lock (connections)
        {
            return connections.TryRemove(connectionId, out _) && connections.IsEmpty;
        }
    }

    /// <summary>Closes every connection of a member; returns how many.</summary>
    public int CloseMember(string memberId)
    {
        if (!_byMember.TryGetValue(memberId, out var connections)) return 0;
        var open = connections.Values.ToArray();
        foreach (var connection in open) connection.Context.Abort();
        return open.Length;
    }

    /// <summary>The members with a connection on this node.</summary>
    public IEnumerable<string> OnlineMembers => _byMember.Where(m => !m.Value.IsEmpty).Select(m => m.Key);

    public IReadOnlyList<string> ConnectionsOf(string memberId) =>
        _byMember.TryGetValue(memberId, out var connections) ? connections.Keys.ToArray() : [];

    /// <summary>Closes every connection opened with the token; returns how many.</summary>
    public int CloseByToken(string tokenHash)
    {
        var closed = 0;
        foreach (var connection in _byMember.Values.SelectMany(c => c.Values).Where(c => c.TokenHash == tokenHash))
        {
            connection.Context.Abort();
            closed++;
        }
        return closed;
    }

    private sealed record OpenConnection(HubCallerContext Context, string TokenHash);
}
