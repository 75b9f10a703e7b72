using Community.Grains.Audit;
using Community.Grains.Common;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Mail;
using Community.Grains.Rooms;
using Community.Grains.Storage;

namespace Community.Grains.Members;

public sealed class MemberGrain(IMemberStore members, IRoomStore rooms, IPresenceStore presence, ITokenStore tokens,
    IEventPublisher events, TimeProvider time) : Grain, IMemberGrain
{
    private MemberProfile? _profile;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _profile = (await members.GetAsync(Key))?.Profile;

    public Task<MemberProfile?> GetAsync() => Task.FromResult(_profile);

    public async Task<MemberProfile> UpdateProfileAsync(ProfileUpdate update)
    {
        var changed = ProfileRules.Apply(RequireProfile(), update);
        await members.UpdateProfileAsync(changed);
        _profile = changed;
        return changed;
    }

    /// <summary>Read from storage each time: memberships and markers are written by the room grains.</summary>
    public async Task<IReadOnlyList<RoomView>> GetRoomsAsync() =>
        (await rooms.ListForMemberAsync(Key)).Select(l => RoomView.Of(l.Info, l.MemberCount, l.LastMessage, l.Viewer, time.GetUtcNow())).ToArray();

    public async Task ConnectedAsync(string nodeId, string connectionId)
    {
        if (await presence.AddAsync(Key, nodeId, connectionId)) events.Publish(new PresenceChanged(Key, Online: true));
    }

    public async Task DisconnectedAsync(string connectionId)
    {
        if (await presence.RemoveAsync(Key, connectionId)) events.Publish(new PresenceChanged(Key, Online: false));
    }

    public Task WentOfflineAsync()
    {
        events.Publish(new PresenceChanged(Key, Online: false));
        return Task.CompletedTask;
    }

    public async Task RevokeTokenAsync(string tokenHash)
    {
        await tokens.RevokeAsync(tokenHash, time.Now());
        events.Publish(new TokenRevoked(tokenHash));
    }

    public async Task<bool> RevokeSessionAsync(string sessionId)
    {
        var tokenHash = await tokens.RevokeSessionAsync(Key, sessionId, time.Now());
        if (tokenHash is null) return false;
        events.Publish(new TokenRevoked(tokenHash));
        return true;
    }

    public async Task RevokeSessionsAsync(string? keepSessionId)
    {
        foreach (var tokenHash in await tokens.RevokeAllAsync(Key, keepSessionId, time.Now()))
            events.Publish(new TokenRevoked(tokenHash));
    }

    public async Task<bool> ChangePasswordAsync(string currentHash, string newHash, string keepSessionId)
    {
        RequireProfile();
        if (!await members.SetPasswordHashAsync(Key, currentHash, newHash)) return false;
        await RevokeSessionsAsync(keepSessionId);
        return true;
    }

    public async Task SuspendAsync(Actor by)
    {
        var profile = RequireProfile();
        var now = time.Now();
        await members.SetSuspendedAsync(Key, suspended: true,
            AuditEntry.Of(AuditActions.MemberSuspended, by.MemberId, null, Key, new { handle = profile.Handle }, now));
        await tokens.RevokeAllAsync(Key, keepSessionId: null, now);
        events.Publish(new MemberSuspended(Key));
    }

    public async Task DeleteAccountAsync(Actor by)
    {
        var profile = RequireProfile();
        if (profile.Former) return;
        var now = time.Now();
        var erased = profile.Erased();
        await members.DeleteAccountAsync(erased, AuditEntry.Of(AuditActions.MemberDeleted, by.MemberId, null, Key, new { handle = profile.Handle }, now));
        _profile = erased;
        await tokens.RevokeAllAsync(Key, keepSessionId: null, now);
        events.Publish(new MemberSuspended(Key));
        await GrainFactory.GetGrain<IMailSettingsGrain>(Key).EraseAsync();
    }

    public async Task UnsuspendAsync(Actor by)
    {
        var profile = RequireProfile();
        if (profile.Former) throw CommunityException.Conflict("the account was deleted");
        await members.SetSuspendedAsync(Key, suspended: false,
            AuditEntry.Of(AuditActions.MemberUnsuspended, by.MemberId, null, Key, new { handle = profile.Handle }, time.Now()));
    }

    private MemberProfile RequireProfile() => _profile ?? throw CommunityException.NotFound("no such member");
}
