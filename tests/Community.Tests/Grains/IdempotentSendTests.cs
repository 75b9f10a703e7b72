using Community.Grains.Messages;
using Community.Grains.Rooms;

namespace Community.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public sealed class IdempotentSendTests(GrainCluster grains)
{
    [Fact]
    public async Task The_same_client_message_id_sent_through_both_silos_and_the_client_at_once_yields_one_message()
    {
        const int ids = 20;
        var owner = await grains.NewMemberAsync();
        var sender = await grains.NewMemberAsync();
        var roomId = await grains.NewRoomAsync(owner, [sender]);
        var callers = grains.Callers();

        // Every message is sent once through each caller, all at once: the client's retries, landing on different silos.
        var sent = await Task.WhenAll(Sent.AllAtOnce(ids * callers.Count, roomId,
            callerOf: i => callers[i % callers.Count],
            senderOf: _ => sender,
            sendOf: i => new SendMessage($"retried-{i / callers.Count}", $"message {i / callers.Count}"))).WaitAsync(GrainCluster.BatchTimeout);

        var byId = sent.GroupBy(s => s.Send.ClientMsgId).ToArray();
        Assert.Equal(ids, byId.Length);
        Assert.All(byId, copies => Assert.Single(copies.Select(c => (c.Acked.Seq, c.Acked.SentAt)).Distinct()));
        Assert.Equal(Sent.Seqs(ids), byId.Select(copies => copies.First().Acked.Seq).Order());

        var log = await grains.StoredLogAsync(roomId);
        Assert.Equal(Sent.Seqs(ids), log.Select(m => m.Seq));
        Assert.Equal(byId.Select(c => c.Key).Order(), log.Select(m => m.ClientMsgId).Order());

        // A retry long after is answered with the original too, and appends nothing.
        var late = await callers[^1].GetGrain<IRoomGrain>(roomId).SendAsync(sender, byId[0].First().Send).WaitAsync(GrainCluster.CallTimeout);
        Assert.Equal(byId[0].First().Acked.Seq, late.Seq);
        Assert.Equal(ids, (await grains.Cluster.Client.GetGrain<IRoomGrain>(roomId).GetAsync(owner).WaitAsync(GrainCluster.CallTimeout)).LastSeq);
    }

    [Fact]
    public async Task The_same_client_message_id_queued_twice_behind_one_commit_through_both_silos_yields_one_message()
    {
        var owner = await grains.NewMemberAsync();
        var sender = await grains.NewMemberAsync();
        var roomId = await grains.NewRoomAsync(owner, [sender]);
        var silos = grains.Cluster.Silos.Select(grains.FactoryOf).ToArray();
        Assert.Equal(2, silos.Length);

        ChatMessage first;
        ChatMessage[] copies;
        using (var hold = grains.HoldAppendsTo(roomId))
        {
            var held = grains.Cluster.Client.GetGrain<IRoomGrain>(roomId).SendAsync(owner, new SendMessage("first", "held in the store")).WaitAsync(GrainCluster.CallTimeout);
            await hold.Entered.WaitAsync(GrainCluster.CallTimeout);
            var retry = new SendMessage("twice", "sent twice");
            var twice = silos.Select(silo => silo.GetGrain<IRoomGrain>(roomId).SendAsync(sender, retry).WaitAsync(GrainCluster.CallTimeout)).ToArray();
            // Both copies wait in the room's queue, to be committed together.
            await grains.SendsArrivedAsync(roomId, 3).WaitAsync(GrainCluster.CallTimeout);
            hold.Release();
            first = await held;
            copies = await Task.WhenAll(twice).WaitAsync(GrainCluster.CallTimeout);
        }

        Assert.Equal(1, first.Seq);
        Assert.Equal(new[] { 2L, 2L }, copies.Select(c => c.Seq));
        Assert.Equal(new[] { (1L, "first"), (2L, "twice") }, (await grains.StoredLogAsync(roomId)).Select(m => (m.Seq, m.ClientMsgId)));
    }
}
