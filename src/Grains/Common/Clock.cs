namespace Community.Grains.Common;

public static class Clock
{
    /// <summary>Now, in UTC, to the millisecond: the precision storage keeps, so a value reads back as it was written.</summary>
    public static DateTimeOffset Now(this TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }
}
