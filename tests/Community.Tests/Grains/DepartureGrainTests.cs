using Community.Grains.Errors;
using Community.Grains.Members;
using Community.Grains.Messages;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Community.Tests.Support;
using Orleans.Runtime;
using ErrorCode = Community.Grains.Errors.ErrorCode;

namespace Community.Tests.Grains;

/// <summary>
/// A deleted account's departure (its rooms told, its messages erased when it chose so) is durable: one cut short
/// after the deletion was written is taken up by the member grain's reminder, which leaves the table once it is done.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class DepartureGrainTests(GrainCluster grains)
{
    private static readonly TimeSpan ReminderTimeout = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task A_departure_cut_short_is_finished_by_the_reminder_and_the_reminder_leaves_the_table()
    {
        var leaving = await grains.NewMemberAsync();
        var owner = await grains.NewMemberAsync();
        var roomId = await grains.NewRoomAsync(owner, [leaving]);
        var room = grains.Cluster.Client.GetGrain<IRoomGrain>(roomId);
        await room.SendAsync(leaving, new SendMessage("first", "one of mine")).WaitAsync(GrainCluster.CallTimeout);
        await room.SendAsync(owner, new SendMessage("reply", "the owner's")).WaitAsync(GrainCluster.CallTimeout);
        await room.SendAsync(leaving, new SendMessage("second", "another of mine")).WaitAsync(GrainCluster.CallTimeout);
        var stores = grains.OnEverySilo<ObservedMessageStore>();
        foreach (var store in stores) store.FailNextLiveMessagesLookup(roomId);
        var member = grains.Cluster.Client.GetGrain<IMemberGrain>(leaving.MemberId);

        await member.DeleteAccountAsync(leaving, Departures.Erase).WaitAsync(GrainCluster.CallTimeout);

        Assert.True((await member.GetAsync().WaitAsync(GrainCluster.CallTimeout))!.Former);
        Assert.Contains(stores, store => !store.LiveMessagesLookupFailurePending(roomId));
        await Eventually.TrueAsync(async () => await grains.OnAnySilo<IMemberStore>().PendingDepartureAsync(leaving.MemberId) is null,
            ReminderTimeout, "the departure marked done");
        var log = await grains.StoredLogAsync(roomId);
        Assert.Equal([1L, 2L, 3L], log.Select(m => m.Seq));
        Assert.Equal([(true, (string?)null), (false, "the owner's"), (true, null)], log.Select(m => (m.Deleted, m.Text)));
        Assert.DoesNotContain(leaving.MemberId, (await room.GetMembersAsync(owner).WaitAsync(GrainCluster.CallTimeout)).Select(m => m.MemberId));
        await Eventually.TrueAsync(async () => await ReminderRowCountAsync(member) == 0, ReminderTimeout, "the reminder unregistered once done");
    }

    [Fact]
    public async Task Only_a_deleted_account_is_seen_off_by_a_room()
    {
        var member = await grains.NewMemberAsync();
        var owner = await grains.NewMemberAsync();
        var roomId = await grains.NewRoomAsync(owner, [member]);
        var room = grains.Cluster.Client.GetGrain<IRoomGrain>(roomId);
        await room.SendAsync(member, new SendMessage("kept", "still here")).WaitAsync(GrainCluster.CallTimeout);

        var refusal = await Assert.ThrowsAsync<CommunityException>(() => room.SeeOffFormerMemberAsync(member.MemberId, eraseMessages: true).WaitAsync(GrainCluster.CallTimeout));

        Assert.Equal(ErrorCode.Forbidden, refusal.Code);
        Assert.Equal("still here", Assert.Single(await grains.StoredLogAsync(roomId)).Text);
        Assert.Contains(member.MemberId, (await room.GetMembersAsync(owner).WaitAsync(GrainCluster.CallTimeout)).Select(m => m.MemberId));
    }

    private async Task<int> ReminderRowCountAsync(IMemberGrain member)
    {
        var rows = await grains.OnAnySilo<IReminderTable>().ReadRows(member.GetGrainId()).WaitAsync(GrainCluster.CallTimeout);
        return rows.Reminders.Count;
    }
}
