using Community.Grains.Common;
using Community.Grains.Events;
using Community.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Community.Grains.Meetups;

/// <summary>
/// Sends a meetup's reminder to its room once, or once per date of a series. The Orleans reminder
/// survives restarts and moves with the grain between nodes; the meetup's row (a series: the date's)
/// is claimed before the event goes out, so a tick that comes again (a restart between sending and
/// re-arming) sends nothing. A series' reminder is re-armed for its next date after each one, and the
/// date is checked against the stored series first, so a date skipped meanwhile is not reminded.
/// </summary>
public sealed class MeetupGrain(IMeetupStore meetups, IEventPublisher events, IOptions<MeetupOptions> options, TimeProvider time,
    ILogger<MeetupGrain> logger, [PersistentState(MeetupState.Name, GrainStorage.Name)] IPersistentState<MeetupState> state)
    : Grain, IMeetupGrain, IRemindable
{
    private const string ReminderName = "reminder";

    public async Task ScheduleReminderAsync(MeetupReminderPayload meetup)
    {
        state.State = new MeetupState(meetup);
        await state.WriteStateAsync();
        var due = meetup.StartsAt - options.Value.ReminderLead - time.GetUtcNow();
        await this.WakeInAsync(ReminderName, due);
    }

    public async Task ScheduleSeriesAsync(string roomId) =>
        await ArmNextAsync(await meetups.GetAsync(roomId, this.GetPrimaryKeyString()), after: null);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Reminder is { } reminder)
        {
            if (time.GetUtcNow() < reminder.StartsAt - options.Value.ReminderLead) return;
            var meetup = await meetups.GetAsync(reminder.RoomId, reminder.MeetupId);
            if (meetup?.Repeat is not null)
            {
                await RemindOfDateAsync(meetup, reminder);
                await ArmNextAsync(meetup, after: reminder.StartsAt);
                return;
            }
            if (await meetups.ClaimReminderAsync(reminder.MeetupId, time.Now()))
            {
                events.Publish(new RoomEvent(reminder.RoomId, EventNames.MeetupReminder, reminder));
                MeetupLog.ReminderSent(logger, reminder.MeetupId, reminder.RoomId);
            }
        }
        await StopAsync();
    }

    /// <summary>Sends the reminder of one date of a series, if the date still takes place at that start, is not over, and was not reminded yet.</summary>
    private async Task RemindOfDateAsync(Meetup series, MeetupReminderPayload reminder)
    {
        var schedule = MeetupSchedule.Of(series);
        var date = schedule.DateOf(reminder.StartsAt);
        var takesPlace = schedule.Occurrences().TakeWhile(o => o.Date <= date).Any(o => o.Date == date && o.StartsAt == reminder.StartsAt);
        if (!takesPlace || time.GetUtcNow() >= reminder.StartsAt.AddMinutes(series.DurationMinutes)) return;
        var occurrence = MeetupSchedule.DatePattern.Format(date);
        if (!await meetups.ClaimOccurrenceReminderAsync(series.Id, occurrence, time.Now())) return;
        events.Publish(new RoomEvent(reminder.RoomId, EventNames.MeetupReminder, reminder with { Title = series.Title }));
        MeetupLog.OccurrenceReminderSent(logger, series.Id, reminder.RoomId, occurrence);
    }

    /// <summary>Arms the reminder for the series' first date that has not begun (and is after <paramref name="after"/>), or stops when there is none.</summary>
    private async Task ArmNextAsync(Meetup? series, DateTimeOffset? after)
    {
        var now = time.GetUtcNow();
        var next = series?.Repeat is null ? null
            : MeetupSchedule.Of(series).Occurrences().Select(o => (DateTimeOffset?)o.StartsAt).FirstOrDefault(s => s > now && (after is null || s > after));
        if (next is { } startsAt) await ScheduleReminderAsync(new MeetupReminderPayload(series!.RoomId, series.Id, series.Title, startsAt));
        else await StopAsync();
    }

    private async Task StopAsync()
    {
        if (await this.GetReminder(ReminderName) is { } registered) await this.UnregisterReminder(registered);
        await state.ClearStateAsync();
    }
}
