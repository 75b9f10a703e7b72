using Community.Grains.Common;
using Community.Grains.Events;
using Community.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Community.Grains.Meetups;

/// <summary>
/// Sends a meetup's reminder to its room once. The Orleans reminder survives restarts and moves
/// with the grain between nodes; the meetup's row is claimed before the event goes out, so a
/// tick that comes again (a restart between sending and unregistering) sends nothing.
/// </summary>
public sealed class MeetupGrain(IMeetupStore meetups, IEventPublisher events, IOptions<MeetupOptions> options, TimeProvider time,
    ILogger<MeetupGrain> logger, [PersistentState(MeetupState.Name, GrainStorage.Name)] IPersistentState<MeetupState> state)
    : Grain, IMeetupGrain, IRemindable
{
    private const string ReminderName = "reminder";

    /// <summary>Orleans' shortest reminder period; the reminder is unregistered at its first due tick anyway.</summary>
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>A reminder whose first tick is already past when Orleans schedules it waits a whole period: a due reminder starts a moment from now.</summary>
    private static readonly TimeSpan Soonest = TimeSpan.FromSeconds(1);

    public async Task ScheduleReminderAsync(MeetupReminderPayload meetup)
    {
        state.State = new MeetupState(meetup);
        await state.WriteStateAsync();
        var due = meetup.StartsAt - options.Value.ReminderLead - time.GetUtcNow();
        await this.RegisterOrUpdateReminder(ReminderName, due > Soonest ? due : Soonest, Period);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Reminder is { } meetup)
        {
            if (time.GetUtcNow() < meetup.StartsAt - options.Value.ReminderLead) return;
            if (await meetups.ClaimReminderAsync(meetup.MeetupId, time.Now()))
            {
                events.Publish(new RoomEvent(meetup.RoomId, EventNames.MeetupReminder, meetup));
                MeetupLog.ReminderSent(logger, meetup.MeetupId, meetup.RoomId);
            }
        }
        if (await this.GetReminder(reminderName) is { } reminder) await this.UnregisterReminder(reminder);
        await state.ClearStateAsync();
    }
}
