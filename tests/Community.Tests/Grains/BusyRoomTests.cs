using Community.Grains.Events;
using Community.Grains.Messages;
using Community.Grains.Rooms;

namespace Community.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public sealed class BusyRoomTests(GrainCluster grains)
{
    private const int Senders = 8;
    private const int PerSender = 10;

    [Fact]
    public async Task A_busy_room_answers_an_edit_a_read_marker_and_its_member_list_while_its_sends_are_in_flight()
    {
        var owner = await grains.NewMemberAsync();
        var reader = await grains.NewMemberAsync();
        var senders = await grains.NewMembersAsync(Senders);
        var roomId = await grains.NewRoomAsync(owner, [reader, .. senders]);
        var callers = grains.Callers();
        var draft = await callers[0].GetGrain<IRoomGrain>(roomId).SendAsync(owner, new SendMessage("draft", "first draft")).WaitAsync(GrainCluster.CallTimeout);

        var acknowledged = 0;
        var hold = grains.HoldAppendsTo(roomId);
        Task<ChatMessage[]>[] streams;
        try
        {
            // Every sender streams its messages, each send awaited before the next, through one caller after another.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            streams = senders.Select(async (sender, s) =>
            {
                await start.Task;
                var mine = new List<ChatMessage>();
                for (var j = 0; j < PerSender; j++)
                {
                    var room = callers[(s + j) % callers.Count].GetGrain<IRoomGrain>(roomId);
                    mine.Add(await room.SendAsync(sender, new SendMessage($"s{s}-{j}", $"sender {s}, message {j}")).WaitAsync(GrainCluster.CallTimeout));
                    Interlocked.Increment(ref acknowledged);
                }
                return mine.ToArray();
            }).ToArray();
            start.SetResult();

            // The room is busy: one commit is in the store, held there, and every sender's next send queues behind it.
            await hold.Entered.WaitAsync(GrainCluster.CallTimeout);
            await grains.SendsArrivedAsync(roomId, Senders).WaitAsync(GrainCluster.CallTimeout);

            var edited = await callers[1].GetGrain<IRoomGrain>(roomId).EditAsync(owner, draft.Seq, "edited while the room was busy").WaitAsync(GrainCluster.CallTimeout);
            await callers[2].GetGrain<IRoomGrain>(roomId).MarkReadAsync(reader, draft.Seq).WaitAsync(GrainCluster.CallTimeout);
            var members = await callers[0].GetGrain<IRoomGrain>(roomId).GetMembersAsync(reader).WaitAsync(GrainCluster.CallTimeout);

            // All three were answered while no send had been: each was still in flight.
            Assert.Equal(0, Volatile.Read(ref acknowledged));
            Assert.DoesNotContain(streams, s => s.IsCompleted);
            Assert.Equal("edited while the room was busy", edited.Text);
            Assert.Equal(Senders + 2, members.Count);
            Assert.Equal(draft.Seq, members.Single(m => m.MemberId == reader.MemberId).ReadSeq);
        }
        finally
        {
            hold.Dispose();
        }

        var sent = (await Task.WhenAll(streams).WaitAsync(GrainCluster.BatchTimeout)).SelectMany(m => m).ToArray();
        Assert.Equal(Sent.Seqs(Senders * PerSender, first: draft.Seq + 1), sent.Select(m => m.Seq).Order());
        var log = await grains.StoredLogAsync(roomId);
        Assert.Equal(Sent.Seqs(Senders * PerSender + 1), log.Select(m => m.Seq));
        Assert.Equal("edited while the room was busy", log[0].Text);
        Assert.NotNull(log[0].EditedAt);
        var editEvent = Assert.Single(grains.RoomEvents(roomId, EventNames.MessageEdited));
        Assert.Equal(draft.Seq, ((ChatMessage)editEvent.Payload).Seq);
    }
}
