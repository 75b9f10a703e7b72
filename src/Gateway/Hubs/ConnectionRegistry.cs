using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Community.Gateway.Hubs;

/// <summary>The hub connections open on this node: whose they are and which token opened them.</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, OpenConnection> _connections = new();

    public void Add(HubCallerContext context, string memberId, string tokenHash) =>
        _connections[context.ConnectionId] = new OpenConnection(context, memberId, tokenHash);

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public IReadOnlyList<string> ConnectionsOf(string memberId) =>
        _connections.Values.Where(c => c.MemberId == memberId).Select(c => c.Context.ConnectionId).ToArray();

    public bool IsOnline(string memberId) => _connections.Values.Any(c => c.MemberId == memberId);

    /// <summary>Closes every connection opened with the token; returns how many.</summary>
    public int CloseByToken(string tokenHash)
    {
        var closed = 0;
        foreach (var connection in _connections.Values.Where(c => c.TokenHash == tokenHash))
        {
            connection.Context.Abort();
            closed++;
        }
        return closed;
    }

    private sealed record OpenConnection(HubCallerContext Context, string MemberId, string TokenHash);
}
