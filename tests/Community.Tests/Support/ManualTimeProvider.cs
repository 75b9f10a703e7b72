namespace Community.Tests.Support;

/// <summary>A clock that moves only when a test advances it.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start;
    private long _timestamp;

    public ManualTimeProvider() : this(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now;
    }

    public override long GetTimestamp()
    {
        lock (_lock) return _timestamp;
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_lock)
        {
            _now += by;
            _timestamp += by.Ticks;
        }
    }
}
