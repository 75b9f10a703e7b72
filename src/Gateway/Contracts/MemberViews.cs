using Community.Grains.Members;
using Community.Grains.Storage;

namespace Community.Gateway.Contracts;

/// <summary>Turns profiles into the contract's <c>member</c>, with presence across the cluster.</summary>
public sealed class MemberViews(IPresenceStore presence, IMemberStore members)
{
    /// <summary>The whole profile: for the member themselves.</summary>
    public async Task<MemberView> OfAsync(MemberProfile profile)
    {
        var online = await presence.OnlineAsync([profile.Id]);
        return MemberView.Of(profile, online.Contains(profile.Id));
    }

    /// <summary>Profiles as <paramref name="viewer"/> may see them (see <see cref="DirectoryVisibility"/>).</summary>
    public async Task<IReadOnlyList<MemberView>> ForAsync(DirectoryViewer viewer, IReadOnlyList<MemberProfile> profiles)
    {
        var roomMates = viewer.SeesEverything ? new HashSet<string>()
            : await members.RoomMatesAmongAsync(viewer.MemberId, profiles.Where(p => p.Privacy.FieldsVisibleTo == FieldAudiences.RoomMates).Select(p => p.Id).ToArray());
        return await ForAsync(viewer, profiles.Select(p => new DirectoryEntry(p, roomMates.Contains(p.Id))).ToArray());
    }

    /// <summary>Directory entries as <paramref name="viewer"/> may see them.</summary>
    public async Task<IReadOnlyList<MemberView>> ForAsync(DirectoryViewer viewer, IReadOnlyList<DirectoryEntry> entries)
    {
        var online = await presence.OnlineAsync(entries.Select(e => e.Profile.Id).ToArray());
        return entries.Select(e => DirectoryVisibility.SeesAll(viewer, e.Profile)
            ? MemberView.Of(e.Profile, online.Contains(e.Profile.Id))
            : MemberView.Limited(e.Profile, online.Contains(e.Profile.Id), DirectoryVisibility.ShowsFields(viewer, e.Profile, e.RoomMate))).ToArray();
    }
}
