using System.Text.Json;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

public sealed class ConcurrentSendTests(ConcurrentSendFixture fixture) : IClassFixture<ConcurrentSendFixture>
{
    [Fact]
    public async Task Twenty_members_sending_at_once_get_seqs_1_to_20_and_every_connection_receives_them_all_in_order()
    {
        var members = fixture.Members;
        var roomId = await Steps.RoomWithAsync(members[0], members.Skip(1).ToArray());
        var hubs = await ConnectAllAsync();
        try
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sends = hubs.Select(async (hub, i) =>
            {
                await gate.Task;
                return await hub.SendTextAsync(roomId, $"hello from {members[i].Handle}", clientMsgId: $"hello-{i}");
            }).ToArray();
            gate.SetResult();
            var sent = await Task.WhenAll(sends).WaitAsync(Steps.BatchTimeout);

            Assert.Equal(Steps.Range(1, 20), sent.Seqs().Order());
            var senderOf = sent.ToDictionary(m => m.Long("seq"), m => m.Str("senderId"));
            for (var i = 0; i < members.Count; i++) Assert.Equal(members[i].Id, sent[i].Str("senderId"));

            await AssertEveryConnectionReceivesInOrderOnceAsync(hubs, roomId, senderOf);
        }
        finally
        {
            await DisposeAllAsync(hubs);
        }
    }

    [Fact]
    public async Task Five_senders_sending_twenty_messages_each_at_once_get_dense_seqs_and_every_connection_receives_each_once_in_order()
    {
        const int senders = 5;
        const int perSender = 20;
        var members = fixture.Members;
        var roomId = await Steps.RoomWithAsync(members[0], members.Skip(1).ToArray());
        var hubs = await ConnectAllAsync();
        try
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var loops = Enumerable.Range(0, senders).Select(async s =>
            {
                await gate.Task;
                var mine = new List<JsonElement>();
                for (var j = 1; j <= perSender; j++)
                {
                    mine.Add(await hubs[s].SendTextAsync(roomId, $"{members[s].Handle} #{j}", clientMsgId: $"s{s}-m{j}"));
                }

                return mine.ToArray();
            }).ToArray();
            gate.SetResult();
            var sentBySender = await Task.WhenAll(loops).WaitAsync(Steps.BatchTimeout);

            var sent = sentBySender.SelectMany(m => m).ToArray();
            Assert.Equal(Steps.Range(1, senders * perSender), sent.Seqs().Order());
            foreach (var mine in sentBySender)
            {
                // One sender's messages, each awaited before the next, keep their order in the log.
                Assert.Equal(mine.Seqs().Order(), mine.Seqs());
            }

            var senderOf = sent.ToDictionary(m => m.Long("seq"), m => m.Str("senderId"));
            await AssertEveryConnectionReceivesInOrderOnceAsync(hubs, roomId, senderOf);
            var history = (await members[7].HistoryAsync(roomId, "?after=0&limit=100")).Concat(
                await members[7].HistoryAsync(roomId, "?after=100&limit=100")).ToArray();
            Assert.Equal(Steps.Range(1, senders * perSender + 1), history.Seqs());
            Assert.Equal(senders * perSender + 1, history.Select(m => (m.Str("senderId"), m.Str("clientMsgId"))).Distinct().Count());
        }
        finally
        {
            await DisposeAllAsync(hubs);
        }
    }

    /// <summary>
    /// Each connection gets the messages in seq order from 1, from the right senders; then a
    /// last message fences the stream, and nothing came twice or out of place before it.
    /// </summary>
    private async Task AssertEveryConnectionReceivesInOrderOnceAsync(HubTestClient[] hubs, string roomId, Dictionary<long, string> senderOf)
    {
        var count = senderOf.Count;
        var received = await Task.WhenAll(hubs.Select(hub => hub.ReceiveMessagesAsync(roomId, count))).WaitAsync(Steps.BatchTimeout);
        for (var i = 0; i < hubs.Length; i++)
        {
            Assert.True(received[i].Seqs().SequenceEqual(Steps.Range(1, count)),
                $"{fixture.Members[i].Handle}'s connection received seqs {string.Join(", ", received[i].Seqs())}");
            Assert.All(received[i], m => Assert.Equal(senderOf[m.Long("seq")], m.Str("senderId")));
        }

        var fence = await hubs[^1].SendTextAsync(roomId, "that's all, folks");
        Assert.Equal(count + 1, fence.Long("seq"));
        await Task.WhenAll(hubs.Select(hub => hub.WaitForMessageAsync(roomId, count + 1))).WaitAsync(Steps.BatchTimeout);
        for (var i = 0; i < hubs.Length; i++)
        {
            var all = hubs[i].EventsOf("message", roomId).Seqs();
            Assert.True(all.SequenceEqual(Steps.Range(1, count + 1)),
                $"{fixture.Members[i].Handle}'s connection received, in all, seqs {string.Join(", ", all)}");
        }
    }

    private async Task<HubTestClient[]> ConnectAllAsync() =>
        await Task.WhenAll(fixture.Members.Select(m => fixture.Node.ConnectAsync(m))).WaitAsync(Steps.BatchTimeout);

    private static async Task DisposeAllAsync(HubTestClient[] hubs)
    {
        foreach (var hub in hubs) await hub.DisposeAsync();
    }
}
