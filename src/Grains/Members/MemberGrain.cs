using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Rooms;
using Community.Grains.Runtime;
using Community.Grains.Storage;

namespace Community.Grains.Members;

public sealed class MemberGrain(IMemberStore members, IRoomStore rooms, IEventPublisher events) : Grain, IMemberGrain
{
    private MemberProfile? _profile;
    private long _version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var record = await members.GetAsync(Key);
        if (record is null) return;
        (_profile, _version) = (record.Profile, record.Version);
    }

    public Task<MemberProfile?> GetAsync() => Task.FromResult(_profile);

    public async Task<MemberProfile> UpdateProfileAsync(ProfileUpdate update)
    {
        var current = _profile ?? throw CommunityException.NotFound("no such member");
        var changed = ProfileRules.Apply(current, update);
        _version = await members.UpdateProfileAsync(changed, _version);
        _profile = changed;
        events.Publish(new GrainStateChanged(GrainStateChanged.Member, Key));
        return changed;
    }

    /// <summary>Read from storage each time: memberships and markers are written by the room grains, on any node.</summary>
    public async Task<IReadOnlyList<RoomView>> GetRoomsAsync() =>
        (await rooms.ListForMemberAsync(Key)).Select(l => RoomView.Of(l.Info, l.MemberCount, l.LastMessage, l.Viewer)).ToArray();
}
