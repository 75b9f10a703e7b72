using System.Collections.Concurrent;

namespace Community.Tests.Silo.Storage;

/// <summary>One per silo: the reminders of <see cref="ReminderProbeGrain"/>s that fired on it, to await.</summary>
internal sealed class ReminderProbe
{
    private readonly ConcurrentDictionary<(string Grain, string Reminder), TaskCompletionSource> _fired = new();

    public void Fired(string grainKey, string reminderName) => Completion(grainKey, reminderName).TrySetResult();

    /// <summary>Completes when the reminder fires on this silo, or has already.</summary>
    public Task FiredAsync(string grainKey, string reminderName) => Completion(grainKey, reminderName).Task;

    private TaskCompletionSource Completion(string grainKey, string reminderName) =>
        _fired.GetOrAdd((grainKey, reminderName), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
