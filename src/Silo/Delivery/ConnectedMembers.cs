using Microsoft.AspNetCore.SignalR;

namespace Community.Silo.Delivery;

/// <summary>
/// The hub connections of the whole network as grains see them: the gateway's hub keeps its
/// connections and groups under this name, so that grains deliver to them through
/// <c>IHubContext&lt;ConnectedMembers&gt;</c> from any node, a silo with no hub of its own included.
/// </summary>
public abstract class ConnectedMembers : Hub;
