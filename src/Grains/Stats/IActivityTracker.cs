namespace Community.Grains.Stats;

/// <summary>
/// Counts members as active: a member is active on a day when they connect, read or post. Only
/// the first record of a member and kind per day reaches storage.
/// </summary>
public interface IActivityTracker
{
    Task RecordAsync(string memberId, bool posted);
}
