using Community.Gateway.Hubs;
using Community.Grains.Members;

namespace Community.Gateway.Contracts;

/// <summary>Turns profiles into the contract's <c>member</c>, with presence from this node's connections.</summary>
public sealed class MemberViews(ConnectionRegistry connections)
{
    public MemberView Of(MemberProfile profile) => MemberView.Of(profile, connections.IsOnline(profile.Id));
}
