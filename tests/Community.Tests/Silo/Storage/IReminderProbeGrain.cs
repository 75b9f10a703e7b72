using Orleans;

namespace Community.Tests.Silo.Storage;

/// <summary>A grain that registers a reminder, for tests of where reminders are kept.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task RegisterAsync(string reminderName, TimeSpan dueTime, TimeSpan period);
}
