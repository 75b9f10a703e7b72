using Community.Grains.Errors;
using Community.Grains.Runtime;
using Community.Grains.Storage;

namespace Community.Grains.Members;

public sealed class MemberGrain(IMemberStore members, IRoomStore rooms) : Grain, IMemberGrain
{
    private MemberProfile? _profile;
    private long _version;
    private HashSet<string> _roomIds = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var record = await members.GetAsync(Key);
        if (record is null) return;
        (_profile, _version) = (record.Profile, record.Version);
        _roomIds = (await rooms.ListRoomIdsOfMemberAsync(Key)).ToHashSet();
    }

    public Task<MemberProfile?> GetAsync() => Task.FromResult(_profile);

    public async Task<MemberProfile> UpdateProfileAsync(ProfileUpdate update)
    {
        var current = _profile ?? throw CommunityException.NotFound("no such member");
        var changed = ProfileRules.Apply(current, update);
        _version = await members.UpdateProfileAsync(changed, _version);
        _profile = changed;
        return changed;
    }

    public Task<IReadOnlyList<string>> GetRoomIdsAsync() => Task.FromResult<IReadOnlyList<string>>(_roomIds.ToArray());

    public Task OnMembershipChangedAsync(string roomId, bool joined)
    {
        if (joined) _roomIds.Add(roomId);
        else _roomIds.Remove(roomId);
        return Task.CompletedTask;
    }
}
