using Orleans;
using Orleans.Runtime;

namespace Community.Tests.Silo.Storage;

/// <summary>Tells the silo's <see cref="ReminderProbe"/> each time one of its reminders fires.</summary>
internal sealed class ReminderProbeGrain(ReminderProbe probe) : Grain, IReminderProbeGrain, IRemindable
{
    public Task RegisterAsync(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, dueTime, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Fired(this.GetPrimaryKeyString(), reminderName);
        return Task.CompletedTask;
    }
}
