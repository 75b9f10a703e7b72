using Community.Grains.Conversations;
using Community.Grains.Events;
using Community.Grains.Meetups;
using Community.Grains.Rooms;
using Community.Tests.Support;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Community.Tests.Grains;

/// <summary>A series' reminder: once per date, re-armed for the next date after each, never for a skipped date, across a silo restart.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class MeetupSeriesReminderGrainTests(GrainCluster grains)
{
    private static readonly TimeSpan ReminderTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_series_reminder_fires_once_for_its_date_across_a_silo_restart_and_is_re_armed_for_the_next_date()
    {
        var secondary = Assert.Single(grains.Cluster.SecondarySilos);
        var recordersBefore = grains.OnEverySilo<EventRecorder>();
        var (_, roomId, series) = await WeeklySeriesAsync();
        var first = series.Occurrences![0];
        var second = series.Occurrences[1];
        Assert.Equal(TimeSpan.FromDays(7), second - first);

        Assert.NotNull(await grains.Cluster.RestartSiloAsync(secondary).WaitAsync(GrainCluster.BatchTimeout));
        var recorders = recordersBefore.Concat(grains.OnEverySilo<EventRecorder>()).Distinct().ToArray();

        await Eventually.TrueAsync(() => RemindersOf(recorders, series.Id).Count > 0, ReminderTimeout, "the first date's reminder after the restart");
        await Eventually.TrueAsync(async () => await ArmedForAsync(series.Id, second), ReminderTimeout, "the reminder re-armed for the next date");
        var reminder = Assert.Single(RemindersOf(recorders, series.Id));
        Assert.Equal((roomId, first), (reminder.RoomId, reminder.StartsAt));

        // Arming the series again while its first date has not begun (a restart between sending and re-arming) sends nothing twice.
        await grains.Cluster.Client.GetGrain<IMeetupGrain>(series.Id).ScheduleSeriesAsync(roomId).WaitAsync(GrainCluster.CallTimeout);
        await Eventually.TrueAsync(async () => await ArmedForAsync(series.Id, second), ReminderTimeout, "the tick that found the date reminded already");
        Assert.Single(RemindersOf(recorders, series.Id));
    }

    [Fact]
    public async Task A_skipped_date_gets_no_reminder_and_the_series_is_armed_for_the_date_after_it()
    {
        var recorders = grains.OnEverySilo<EventRecorder>();
        var (owner, roomId, series) = await WeeklySeriesAsync();
        var first = series.Occurrences![0];
        var firstDate = LocalDate(series, first);

        var skipped = await Room(roomId).SkipMeetupDateAsync(owner, series.Id, firstDate).WaitAsync(GrainCluster.CallTimeout);

        Assert.Equal([firstDate], skipped.Exceptions);
        Assert.DoesNotContain(first, skipped.Occurrences!);
        Assert.True(await ArmedForAsync(series.Id, skipped.Occurrences![0]), "armed for the date after the skipped one");
        // Fence: a meetup whose reminder is due after the skipped date's would have been reminded of.
        var fence = await Room(roomId).CreateMeetupAsync(owner, new MeetupDraft("Fence", first.AddSeconds(5), 60, "")).WaitAsync(GrainCluster.CallTimeout);
        await Eventually.TrueAsync(() => RemindersOf(recorders, fence.Id).Count > 0, ReminderTimeout, "the fence meetup's reminder");
        Assert.Empty(RemindersOf(recorders, series.Id));
    }

    /// <summary>A weekly series in Tokyo whose first date's reminder is due within about a minute (its start is a whole minute).</summary>
    private async Task<(Actor Owner, string RoomId, Meetup Series)> WeeklySeriesAsync()
    {
        var owner = await grains.NewMemberAsync();
        var roomId = await grains.NewRoomAsync(owner, []);
        var lead = grains.OnAnySilo<IOptions<MeetupOptions>>().Value.ReminderLead;
        var tokyo = NodaTime.DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
        var earliest = NodaTime.Instant.FromDateTimeOffset(DateTimeOffset.UtcNow + lead + TimeSpan.FromSeconds(3)).InZone(tokyo).LocalDateTime;
        var start = earliest.With(NodaTime.TimeAdjusters.TruncateToMinute).PlusMinutes(1);
        var local = Community.Grains.Meetups.MeetupSchedule.LocalPattern.Format(start);
        var weekday = MeetupWeekdays.Name(start.DayOfWeek);
        var series = await Room(roomId).CreateMeetupAsync(owner, new MeetupDraft("Weekly lunch", null, 60, "Otemachi", "Asia/Tokyo", local,
            new MeetupRepeatDraft(MeetupRepeat.Weekly, 1, [weekday]))).WaitAsync(GrainCluster.CallTimeout);
        return (owner, roomId, series);
    }

    private IRoomGrain Room(string roomId) => grains.Cluster.Client.GetGrain<IRoomGrain>(roomId);

    private static string LocalDate(Meetup series, DateTimeOffset start) =>
        NodaTime.Instant.FromDateTimeOffset(start).InZone(NodaTime.DateTimeZoneProviders.Tzdb[series.TimeZone]).Date.ToString("yyyy-MM-dd", null);

    private static IReadOnlyList<MeetupReminderPayload> RemindersOf(IEnumerable<EventRecorder> recorders, string meetupId) =>
        recorders.SelectMany(r => r.Events).OfType<RoomEvent>()
            .Where(e => e.Name == EventNames.MeetupReminder)
            .Select(e => (MeetupReminderPayload)e.Payload)
            .Where(p => p.MeetupId == meetupId)
            .ToArray();

    /// <summary>Whether the meetup's one reminder row is due when the reminder of the date starting at <paramref name="startsAt"/> is (within a minute).</summary>
    private async Task<bool> ArmedForAsync(string meetupId, DateTimeOffset startsAt)
    {
        var lead = grains.OnAnySilo<IOptions<MeetupOptions>>().Value.ReminderLead;
        var table = grains.OnAnySilo<IReminderTable>();
        var rows = await table.ReadRows(grains.Cluster.Client.GetGrain<IMeetupGrain>(meetupId).GetGrainId()).WaitAsync(GrainCluster.CallTimeout);
        return rows.Reminders.Count == 1
            && (new DateTimeOffset(rows.Reminders[0].StartAt, TimeSpan.Zero) - (startsAt - lead)).Duration() < TimeSpan.FromMinutes(1);
    }
}
