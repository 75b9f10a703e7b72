using System.Collections.Concurrent;
using Community.Silo.Delivery;
using Microsoft.AspNetCore.SignalR;

namespace Community.Gateway.Hubs;

/// <summary>
/// The hub connections open on this node: whose they are and which token opened them, so that an
/// order to close them (a revoked token, a suspended member), from whichever node, is carried out.
/// </summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, OpenConnection> _byId = new();

    public ConnectionRegistry(ConnectionOrders orders) => orders.Received += Carry;

    private void Carry(ConnectionOrder order)
    {
        if (order.Kind == ConnectionOrderKind.CloseMember) CloseMember(order.Value);
        else CloseByToken(order.Value);
    }

    public void Add(HubCallerContext context, string memberId, string tokenHash) =>
        _byId[context.ConnectionId] = new OpenConnection(context, memberId, tokenHash);

    public void Remove(string connectionId) => _byId.TryRemove(connectionId, out _);

    /// <summary>Closes every connection of a member on this node; returns how many.</summary>
    public int CloseMember(string memberId) => Close(c => c.MemberId == memberId);

    /// <summary>Closes every connection opened with the token on this node; returns how many.</summary>
    public int CloseByToken(string tokenHash) => Close(c => c.TokenHash == tokenHash);

    private int Close(Func<OpenConnection, bool> which)
    {
        var closing = _byId.Values.Where(which).ToArray();
        foreach (var connection in closing) connection.Context.Abort();
        return closing.Length;
    }

    private sealed record OpenConnection(HubCallerContext Context, string MemberId, string TokenHash);
}
