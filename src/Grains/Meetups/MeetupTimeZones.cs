using Community.Grains.Errors;
using NodaTime;

namespace Community.Grains.Meetups;

/// <summary>The IANA time zones a meetup may be planned in, from the tz database NodaTime ships.</summary>
public static class MeetupTimeZones
{
    public const string Utc = "UTC";

    /// <summary>The zone named <paramref name="id"/> (UTC when none is given); <c>invalid</c> for a name the tz database does not know.</summary>
    public static DateTimeZone Find(string? id, string field = "timeZone")
    {
        if (id is null) return DateTimeZone.Utc;
        if (id.Length is 0 or > 64) throw CommunityException.Invalid(field, "must be an IANA time zone such as Asia/Tokyo or Europe/London");
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
            ?? throw CommunityException.Invalid(field, "is not an IANA time zone (such as Asia/Tokyo or Europe/London)");
    }
}
