using Community.Grains.Broadcasts;
using Community.Grains.Conversations;
using Community.Grains.Events;
using Community.Grains.Members;
using Community.Grains.Messages;
using Community.Grains.Rooms;
using Community.Tests.Support;
using Orleans.Runtime;

namespace Community.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public sealed class ScheduledBroadcastGrainTests(GrainCluster grains)
{
    private static readonly TimeSpan PostTimeout = TimeSpan.FromSeconds(90);

    private IRoomGrain Channel => grains.Cluster.Client.GetGrain<IRoomGrain>(BroadcastChannel.Id);

    [Fact]
    public async Task A_scheduled_broadcast_is_posted_once_at_its_time_and_its_reminder_leaves_the_table()
    {
        var secretariat = await SecretariatAsync();
        var text = $"Reunion on the 20th {Guid.NewGuid():n}";
        var recorders = grains.OnEverySilo<EventRecorder>();

        var scheduled = await Channel.ScheduleBroadcastAsync(secretariat, new ScheduledBroadcastDraft(text, DateTimeOffset.UtcNow.AddSeconds(2)))
            .WaitAsync(GrainCluster.CallTimeout);
        Assert.Equal(1, await ReminderRowCountAsync());

        await Eventually.TrueAsync(() => PostsOf(recorders, text).Count > 0, PostTimeout, "the scheduled post");
        await Eventually.TrueAsync(async () => await ReminderRowCountAsync() == 0, PostTimeout, "the reminder unregistered once nothing waits");
        var post = Assert.Single(PostsOf(recorders, text));
        Assert.Equal((secretariat.MemberId, scheduled.ClientMsgId), (post.SenderId, post.ClientMsgId));
        Assert.Single(await grains.StoredLogAsync(BroadcastChannel.Id), m => m.Text == text);
        Assert.Empty(await Channel.ListScheduledBroadcastsAsync(secretariat).WaitAsync(GrainCluster.CallTimeout));
    }

    [Fact]
    public async Task A_scheduled_broadcast_due_across_a_silo_restart_is_posted_once_after_it()
    {
        var secretariat = await SecretariatAsync();
        var secondary = Assert.Single(grains.Cluster.SecondarySilos);
        var recordersBefore = grains.OnEverySilo<EventRecorder>();
        var text = $"Across a restart {Guid.NewGuid():n}";
        await Channel.ScheduleBroadcastAsync(secretariat, new ScheduledBroadcastDraft(text, DateTimeOffset.UtcNow.AddSeconds(4))).WaitAsync(GrainCluster.CallTimeout);

        Assert.NotNull(await grains.Cluster.RestartSiloAsync(secondary).WaitAsync(GrainCluster.BatchTimeout));
        var recorders = recordersBefore.Concat(grains.OnEverySilo<EventRecorder>()).Distinct().ToArray();

        await Eventually.TrueAsync(() => PostsOf(recorders, text).Count > 0, PostTimeout, "the scheduled post after the restart");
        await Eventually.TrueAsync(async () => await ReminderRowCountAsync() == 0, PostTimeout, "the reminder unregistered once nothing waits");
        Assert.Single(PostsOf(recorders, text));
        Assert.Single(await grains.StoredLogAsync(BroadcastChannel.Id), m => m.Text == text);
    }

    /// <summary>A secretariat member enrolled in the broadcast channel, as sign-up enrols every member.</summary>
    private async Task<Actor> SecretariatAsync()
    {
        var secretariat = await grains.NewMemberAsync(MemberRoles.Secretariat);
        await Channel.EnrolAsync(secretariat.MemberId).WaitAsync(GrainCluster.CallTimeout);
        return secretariat;
    }

    private static IReadOnlyList<ChatMessage> PostsOf(IEnumerable<EventRecorder> recorders, string text) =>
        recorders.SelectMany(r => r.Events).OfType<RoomEvent>()
            .Where(e => e.Name == EventNames.Message && e.RoomId == BroadcastChannel.Id)
            .Select(e => (ChatMessage)e.Payload)
            .Where(m => m.Text == text)
            .ToArray();

    private async Task<int> ReminderRowCountAsync()
    {
        var rows = await grains.OnAnySilo<IReminderTable>().ReadRows(Channel.GetGrainId()).WaitAsync(GrainCluster.CallTimeout);
        return rows.Reminders.Count;
    }
}
