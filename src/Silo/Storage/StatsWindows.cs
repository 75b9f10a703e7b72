using System.Globalization;

namespace Community.Silo.Storage;

/// <summary>The day, week (7 days) and month (30 days) that end with a given UTC day, as stored keys and times.</summary>
internal sealed class StatsWindows(DateOnly today)
{
    public string Today => Day(today);
    public string WeekStart => Day(today.AddDays(-6));
    public string MonthStart => Day(today.AddDays(-29));
    public long DayFrom => Start(today);
    public long WeekFrom => Start(today.AddDays(-6));
    public long MonthFrom => Start(today.AddDays(-29));
    public long Until => Start(today.AddDays(1));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long Start(DateOnly day) => StoredValues.Time(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
