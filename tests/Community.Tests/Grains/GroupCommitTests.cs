using Community.Grains.Conversations;
using Community.Grains.Messages;
using Xunit.Abstractions;

namespace Community.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public sealed class GroupCommitTests(GrainCluster grains, ITestOutputHelper output)
{
    private const int Senders = 10;

    [Fact]
    public async Task Sends_that_queue_behind_a_commit_share_the_next_commit_and_each_is_acknowledged_with_a_dense_seq()
    {
        const int count = 100;
        var (roomId, senders) = await RoomWithSendersAsync();
        var callers = grains.Callers();

        Sent[] sent;
        using (var hold = grains.HoldAppendsTo(roomId))
        {
            var sends = Sent.AllAtOnce(count, roomId,
                callerOf: i => callers[i % callers.Count],
                senderOf: i => senders[i % Senders],
                sendOf: i => new SendMessage($"q{i}", $"queued {i}"));
            // The first send's commit is in the store, held; every other send reaches the room and queues behind it.
            await hold.Entered.WaitAsync(GrainCluster.CallTimeout);
            await grains.SendsArrivedAsync(roomId, count).WaitAsync(GrainCluster.BatchTimeout);
            Assert.DoesNotContain(sends, s => s.IsCompleted);
            hold.Release();
            sent = await Task.WhenAll(sends).WaitAsync(GrainCluster.BatchTimeout);
        }

        Assert.Equal(Sent.Seqs(count), sent.Select(s => s.Acked.Seq).Order());
        var appends = grains.AppendsTo(roomId);
        output.WriteLine($"{count} messages in {appends} append transactions");
        Assert.True(appends <= 2, $"the {count - 1} sends queued behind the held commit took {appends - 1} more commits, not one");
        await AssertStoredAsAckedAsync(roomId, sent);
    }

    [Fact]
    public async Task Concurrent_sends_through_both_silos_share_commits_so_a_room_commits_fewer_times_than_it_gets_messages()
    {
        const int count = 300;
        var (roomId, senders) = await RoomWithSendersAsync();
        var callers = grains.Callers();

        var sent = await Task.WhenAll(Sent.AllAtOnce(count, roomId,
            callerOf: i => callers[i % callers.Count],
            senderOf: i => senders[i % Senders],
            sendOf: i => new SendMessage($"c{i}", $"concurrent {i}"))).WaitAsync(GrainCluster.BatchTimeout);

        Assert.Equal(Sent.Seqs(count), sent.Select(s => s.Acked.Seq).Order());
        var appends = grains.AppendsTo(roomId);
        output.WriteLine($"{count} messages in {appends} append transactions");
        Assert.InRange(appends, 1, count - 1);
        await AssertStoredAsAckedAsync(roomId, sent);
    }

    private async Task<(string RoomId, Actor[] Senders)> RoomWithSendersAsync()
    {
        var owner = await grains.NewMemberAsync();
        var senders = await grains.NewMembersAsync(Senders);
        return (await grains.NewRoomAsync(owner, senders), senders);
    }

    private async Task AssertStoredAsAckedAsync(string roomId, Sent[] sent)
    {
        var log = await grains.StoredLogAsync(roomId);
        Assert.Equal(
            sent.OrderBy(s => s.Acked.Seq).Select(s => (s.Acked.Seq, s.Sender.MemberId, s.Send.ClientMsgId!, s.Send.Text)),
            log.Select(m => (m.Seq, m.SenderId, m.ClientMsgId, m.Text)));
    }
}
