using Community.Grains.Events;
using Community.Grains.Meetups;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Community.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Community.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public sealed class MeetupReminderGrainTests(GrainCluster grains)
{
    private static readonly TimeSpan ReminderTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_meetup_reminder_fires_once_then_leaves_the_reminder_table_and_a_tick_that_comes_again_sends_nothing()
    {
        var (roomId, meetup) = await MeetupDueInAsync(TimeSpan.FromSeconds(1));
        var recorders = grains.OnEverySilo<EventRecorder>();

        await Eventually.TrueAsync(() => RemindersOf(recorders, meetup.Id).Count > 0, ReminderTimeout, "the meetup's reminder");
        await Eventually.TrueAsync(() => NoReminderRowAsync(meetup.Id), ReminderTimeout, "the reminder unregistered after its tick");
        var reminder = Assert.Single(RemindersOf(recorders, meetup.Id));
        Assert.Equal((roomId, meetup.Title, meetup.StartsAt), (reminder.RoomId, reminder.Title, reminder.StartsAt));

        // A tick that comes again (a restart between sending and unregistering) finds the reminder claimed.
        await grains.Cluster.Client.GetGrain<IMeetupGrain>(meetup.Id)
            .ScheduleReminderAsync(new MeetupReminderPayload(roomId, meetup.Id, meetup.Title, meetup.StartsAt)).WaitAsync(GrainCluster.CallTimeout);
        Assert.Equal(1, await ReminderRowCountAsync(meetup.Id));
        await Eventually.TrueAsync(() => NoReminderRowAsync(meetup.Id), ReminderTimeout, "the second tick");
        Assert.Single(RemindersOf(recorders, meetup.Id));
    }

    [Fact]
    public async Task A_meetup_reminder_scheduled_before_a_silo_restart_fires_once_after_it()
    {
        var secondary = Assert.Single(grains.Cluster.SecondarySilos);
        var recordersBefore = grains.OnEverySilo<EventRecorder>();
        var (_, meetup) = await MeetupDueInAsync(TimeSpan.FromSeconds(4));
        Assert.Equal(1, await ReminderRowCountAsync(meetup.Id));

        Assert.NotNull(await grains.Cluster.RestartSiloAsync(secondary).WaitAsync(GrainCluster.BatchTimeout));
        // Whichever silo the tick came to, before or after the restart, its recorder is among these.
        var recorders = recordersBefore.Concat(grains.OnEverySilo<EventRecorder>()).Distinct().ToArray();

        await Eventually.TrueAsync(() => RemindersOf(recorders, meetup.Id).Count > 0, ReminderTimeout, "the meetup's reminder after the restart");
        await Eventually.TrueAsync(() => NoReminderRowAsync(meetup.Id), ReminderTimeout, "the reminder unregistered after its tick");
        Assert.Single(RemindersOf(recorders, meetup.Id));
    }

    /// <summary>A meetup planned through its room's grain, whose reminder is due <paramref name="dueIn"/> from now.</summary>
    private async Task<(string RoomId, Meetup Meetup)> MeetupDueInAsync(TimeSpan dueIn)
    {
        var owner = await grains.NewMemberAsync();
        var roomId = await grains.NewRoomAsync(owner, []);
        var lead = grains.OnAnySilo<IOptions<MeetupOptions>>().Value.ReminderLead;
        var startsAt = DateTimeOffset.UtcNow + lead + dueIn;
        var meetup = await grains.Cluster.Client.GetGrain<IRoomGrain>(roomId)
            .CreateMeetupAsync(owner, new MeetupDraft("Lunch at the usual place", startsAt, 60, "Shibuya")).WaitAsync(GrainCluster.CallTimeout);
        return (roomId, meetup);
    }

    private static IReadOnlyList<MeetupReminderPayload> RemindersOf(IEnumerable<EventRecorder> recorders, string meetupId) =>
        recorders.SelectMany(r => r.Events).OfType<RoomEvent>()
            .Where(e => e.Name == EventNames.MeetupReminder)
            .Select(e => (MeetupReminderPayload)e.Payload)
            .Where(p => p.MeetupId == meetupId)
            .ToArray();

    private async Task<int> ReminderRowCountAsync(string meetupId)
    {
        var table = grains.OnAnySilo<IReminderTable>();
        var rows = await table.ReadRows(grains.Cluster.Client.GetGrain<IMeetupGrain>(meetupId).GetGrainId()).WaitAsync(GrainCluster.CallTimeout);
        return rows.Reminders.Count;
    }

    private async Task<bool> NoReminderRowAsync(string meetupId) => await ReminderRowCountAsync(meetupId) == 0;
}
