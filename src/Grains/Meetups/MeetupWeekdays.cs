using NodaTime;

namespace Community.Grains.Meetups;

/// <summary>Weekday names as the API spells them (<c>monday</c> … <c>sunday</c>).</summary>
public static class MeetupWeekdays
{
    public static readonly string[] All = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static IsoDayOfWeek Parse(string name) => (IsoDayOfWeek)(Array.IndexOf(All, name) + 1);

    public static string Name(IsoDayOfWeek day) => All[(int)day - 1];

    /// <summary>RFC 5545's two-letter day (MO … SU).</summary>
    public static string IcalCode(string name) => name[..2].ToUpperInvariant();
}
