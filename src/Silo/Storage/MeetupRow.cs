using System.Text.Json;
using Community.Grains.Meetups;

namespace Community.Silo.Storage;

/// <summary>A <c>meetups</c> row as read.</summary>
internal sealed class MeetupRow
{
    public const string Columns = "id AS Id, room_id AS RoomId, title AS Title, starts_at AS StartsAt, duration_minutes AS DurationMinutes, location AS Location, "
        + "time_zone AS TimeZone, local_start AS LocalStart, repeat_rule AS RepeatRule, exceptions AS Exceptions";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Id { get; set; } = "";
    public string RoomId { get; set; } = "";
    public string Title { get; set; } = "";
    public long StartsAt { get; set; }
    public long DurationMinutes { get; set; }
    public string Location { get; set; } = "";
    public string TimeZone { get; set; } = MeetupTimeZones.Utc;
    public string LocalStart { get; set; } = "";
    public string? RepeatRule { get; set; }
    public string? Exceptions { get; set; }

    public Meetup ToMeetup(IReadOnlyList<Rsvp> rsvps) =>
        new(Id, RoomId, Title, StoredValues.Time(StartsAt), (int)DurationMinutes, Location, rsvps, TimeZone, LocalStart,
            RepeatRule is null ? null : JsonSerializer.Deserialize<MeetupRepeat>(RepeatRule, Json), StoredValues.List(Exceptions));
}
