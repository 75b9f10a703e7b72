namespace Community.Grains.Meetups;

/// <summary>A lunch meetup planned in a room, with who is coming.</summary>
public sealed record Meetup(
    string Id,
    string RoomId,
    string Title,
    DateTimeOffset StartsAt,
    int DurationMinutes,
    string Location,
    IReadOnlyList<Rsvp> Rsvps);
