using Community.Grains.Conversations;
using Community.Grains.Messages;
using Community.Grains.Rooms;

namespace Community.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public sealed class RoomRecoveryTests(GrainCluster grains)
{
    [Fact]
    public async Task A_room_keeps_its_members_read_markers_and_last_seq_across_a_deactivation_and_continues_at_the_next_seq()
    {
        var (roomId, owner, reader) = await RoomWithThreeMessagesAsync();
        var room = grains.Cluster.Client.GetGrain<IRoomGrain>(roomId);
        Assert.True(grains.Cluster.TryGetGrainContext(room.GetGrainId(), out var before));

        await grains.Cluster.DeactivateAsync(room).WaitAsync(GrainCluster.CallTimeout);
        Assert.Equal(0, await grains.ActivationCountAsync(room));

        await AssertRoomRemembersAsync(grains.Cluster.Client, roomId, owner, reader);
        Assert.True(grains.Cluster.TryGetGrainContext(room.GetGrainId(), out var after));
        Assert.NotEqual(before.ActivationId, after.ActivationId);
    }

    [Fact]
    public async Task A_room_keeps_its_state_across_a_restart_of_the_silo_that_hosted_it_and_continues_at_the_next_seq()
    {
        var (roomId, owner, reader) = await RoomWithThreeMessagesAsync();
        var room = grains.Cluster.Client.GetGrain<IRoomGrain>(roomId);
        // The secondary silo is the one to restart (the primary keeps the test cluster's membership): the room moves there first.
        var secondary = Assert.Single(grains.Cluster.SecondarySilos);
        if (!secondary.SiloAddress.Equals(await grains.HostOfAsync(room)))
        {
            await grains.Cluster.MigrateAsync(room, secondary.SiloAddress).WaitAsync(GrainCluster.CallTimeout);
            await room.EnsureMemberAsync(owner).WaitAsync(GrainCluster.CallTimeout);
        }
        Assert.Equal(secondary.SiloAddress, await grains.HostOfAsync(room));

        var restarted = await grains.Cluster.RestartSiloAsync(secondary).WaitAsync(GrainCluster.BatchTimeout);
        Assert.NotNull(restarted);
        Assert.Equal(2, grains.Cluster.Silos.Count);

        await AssertRoomRemembersAsync(grains.FactoryOf(restarted), roomId, owner, reader);
        Assert.Equal(1, await grains.ActivationCountAsync(room));
    }

    /// <summary>A room where the owner sent three messages and the reader read two.</summary>
    private async Task<(string RoomId, Actor Owner, Actor Reader)> RoomWithThreeMessagesAsync()
    {
        var owner = await grains.NewMemberAsync();
        var reader = await grains.NewMemberAsync();
        var roomId = await grains.NewRoomAsync(owner, [reader]);
        var room = grains.Cluster.Client.GetGrain<IRoomGrain>(roomId);
        for (var i = 1; i <= 3; i++) await room.SendAsync(owner, new SendMessage($"before-{i}", $"before {i}")).WaitAsync(GrainCluster.CallTimeout);
        await room.MarkReadAsync(reader, 2).WaitAsync(GrainCluster.CallTimeout);
        return (roomId, owner, reader);
    }

    /// <summary>The room, called through <paramref name="caller"/>, knows its members, their read markers and its last seq, and appends at seq 4.</summary>
    private async Task AssertRoomRemembersAsync(IGrainFactory caller, string roomId, Actor owner, Actor reader)
    {
        var room = caller.GetGrain<IRoomGrain>(roomId);
        var members = await room.GetMembersAsync(reader).WaitAsync(GrainCluster.CallTimeout);
        Assert.Equal(
            new[] { (owner.MemberId, RoomRoles.Owner, 3L), (reader.MemberId, RoomRoles.Member, 2L) }.Order(),
            members.Select(m => (m.MemberId, m.Role, m.ReadSeq)).Order());

        var view = await room.GetAsync(reader).WaitAsync(GrainCluster.CallTimeout);
        Assert.Equal((3L, 1L, "before-3"), (view.LastSeq, view.UnreadCount, view.LastMessage?.ClientMsgId));

        var next = await room.SendAsync(reader, new SendMessage("after", "after the break")).WaitAsync(GrainCluster.CallTimeout);
        Assert.Equal(4, next.Seq);
        Assert.Equal(Sent.Seqs(4), (await grains.StoredLogAsync(roomId)).Select(m => m.Seq));
    }
}
