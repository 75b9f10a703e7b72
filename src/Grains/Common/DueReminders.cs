namespace Community.Grains.Common;

/// <summary>
/// Orleans reminders that wake a grain at a time of its own (a post, a closing, a reminder to members), then tick every
/// <see cref="Period"/> until the grain unregisters them, so that work a failure interrupted is taken up again.
/// </summary>
public static class DueReminders
{
    /// <summary>Orleans' shortest reminder period.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>A reminder whose first tick is already past waits a whole period: a due one starts a moment from now.</summary>
    public static readonly TimeSpan Soonest = TimeSpan.FromSeconds(1);

    /// <summary>Registers (or moves) the reminder to tick <paramref name="due"/> from now, or a moment from now when that is past.</summary>
    public static Task WakeInAsync(this Grain grain, string reminderName, TimeSpan due) =>
        grain.RegisterOrUpdateReminder(reminderName, due > Soonest ? due : Soonest, Period);
}
