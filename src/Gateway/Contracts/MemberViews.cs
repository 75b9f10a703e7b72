using Community.Grains.Members;
using Community.Grains.Storage;

namespace Community.Gateway.Contracts;

/// <summary>Turns profiles into the contract's <c>member</c>, with presence across the cluster.</summary>
public sealed class MemberViews(IPresenceStore presence)
{
    public async Task<MemberView> OfAsync(MemberProfile profile) => (await OfAsync([profile]))[0];

    public async Task<IReadOnlyList<MemberView>> OfAsync(IReadOnlyList<MemberProfile> profiles)
    {
        var online = await presence.OnlineAsync(profiles.Select(p => p.Id).ToArray());
        return profiles.Select(p => MemberView.Of(p, online.Contains(p.Id))).ToArray();
    }
}
