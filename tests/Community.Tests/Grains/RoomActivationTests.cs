using Community.Grains.Messages;
using Community.Grains.Rooms;

namespace Community.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public sealed class RoomActivationTests(GrainCluster grains)
{
    private const int Senders = 6;
    private const int PerSender = 20;
    private const int Count = Senders * PerSender;

    [Fact]
    public async Task A_room_called_concurrently_through_both_silos_has_one_activation_and_gives_seqs_1_to_N_once_each()
    {
        var owner = await grains.NewMemberAsync();
        var senders = await grains.NewMembersAsync(Senders);
        var roomId = await grains.NewRoomAsync(owner, senders);
        var room = grains.Cluster.Client.GetGrain<IRoomGrain>(roomId);
        // Its first activation goes: the concurrent first calls below, from both silos and the client, race to activate it.
        await grains.Cluster.DeactivateAsync(room).WaitAsync(GrainCluster.CallTimeout);
        var callers = grains.Callers();
        Assert.Equal(3, callers.Count);

        var sent = await Task.WhenAll(Sent.AllAtOnce(Count, roomId,
            callerOf: i => callers[i / Senders % callers.Count],
            senderOf: i => senders[i % Senders],
            sendOf: i => new SendMessage($"c{i}", $"message {i}"))).WaitAsync(GrainCluster.BatchTimeout);

        Assert.Equal(Sent.Seqs(Count), sent.Select(s => s.Acked.Seq).Order());
        Assert.All(sent, s =>
        {
            Assert.Equal((roomId, s.Sender.MemberId, s.Send.ClientMsgId!, s.Send.Text), (s.Acked.RoomId, s.Acked.SenderId, s.Acked.ClientMsgId, s.Acked.Text));
        });
        Assert.Equal(1, await grains.ActivationCountAsync(room));

        var log = await grains.StoredLogAsync(roomId);
        Assert.Equal(sent.Select(s => s.Acked).OrderBy(m => m.Seq).Select(Stored), log.Select(Stored));

        // One activation published the room's messages, in seq order; no other silo published any.
        var bySilo = grains.MessageEventsBySilo(roomId);
        var publisher = Assert.Single(bySilo, events => events.Count > 0);
        Assert.Equal(Sent.Seqs(Count), publisher.Select(m => m.Seq));

        foreach (var caller in callers)
            Assert.Equal(Count, (await caller.GetGrain<IRoomGrain>(roomId).GetAsync(owner).WaitAsync(GrainCluster.CallTimeout)).LastSeq);
    }

    private static (long, string, string, string?) Stored(ChatMessage m) => (m.Seq, m.SenderId, m.ClientMsgId, m.Text);
}
