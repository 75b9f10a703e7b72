using Community.Grains.Audit;
using Community.Grains.Common;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Mail;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Community.Grains.Members;

public sealed class MemberGrain(IMemberStore members, IRoomStore rooms, IMessageStore messages, IPresenceStore presence, ITokenStore tokens,
    IEventPublisher events, TimeProvider time, ILogger<MemberGrain> logger) : Grain, IMemberGrain, IRemindable
{
    /// <summary>Wakes the grain to finish a deleted account's departure that a failure cut short.</summary>
    private const string DepartureReminder = "departure";

    /// <summary>
    /// The first tick comes soon after the deletion (it waits for the deletion's own turn, then finds the departure
    /// done, or takes it up); later ones every <see cref="DueReminders.Period"/>.
    /// </summary>
    private static readonly TimeSpan DepartureFirstTick = TimeSpan.FromSeconds(5);

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

    public async Task DeleteAccountAsync(Actor by, string messages)
    {
        var profile = RequireProfile();
        var departure = Departures.Check(messages);
        if (profile.Former) return;
        // Armed before the write, so that a departure the write began is finished whatever happens after it;
        // a tick that finds no departure pending (the write failed) just ends.
        await this.WakeInAsync(DepartureReminder, DepartureFirstTick);
        var audit = AuditEntry.Of(AuditActions.MemberDeleted, by.MemberId, null, Key, new { handle = profile.Handle, messages = departure }, time.Now());
        await members.DeleteAccountAsync(profile.Erased(), audit, departure);
        _profile = profile.Erased();
        try
        {
            await DepartAsync(departure);
        }
        catch (Exception e)
        {
            // The account is deleted (sign-in closed, tokens refused): what is left is taken up by the reminder.
            logger.LogWarning(e, "The departure of deleted member {MemberId} stopped part way; the reminder takes it up again", Key);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DepartureReminder) return;
        if (await members.PendingDepartureAsync(Key) is { } departure) await DepartAsync(departure);
        else await EndDepartureReminderAsync();
    }

    /// <summary>Closes every session, then tells each room the member was in or wrote in; marks the departure done once all have heard.</summary>
    private async Task DepartAsync(string departure)
    {
        await tokens.RevokeAllAsync(Key, keepSessionId: null, time.Now());
        events.Publish(new MemberSuspended(Key));
        var erase = departure == Departures.Erase;
        var memberOf = (await rooms.ListForMemberAsync(Key)).Select(r => r.Info.Id).ToArray();
        var wroteIn = erase ? await messages.RoomsWithLiveMessagesFromAsync(Key) : [];
        foreach (var roomId in memberOf.Union(wroteIn))
            await GrainFactory.GetConversation(roomId).SeeOffFormerMemberAsync(Key, erase);
        await GrainFactory.GetGrain<IMailSettingsGrain>(Key).EraseAsync();
        await members.CompleteDepartureAsync(Key);
        await EndDepartureReminderAsync();
    }

    private async Task EndDepartureReminderAsync()
    {
        if (await this.GetReminder(DepartureReminder) is { } reminder) await this.UnregisterReminder(reminder);
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
