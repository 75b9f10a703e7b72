namespace Community.Grains.Meetups;

/// <summary>
/// A lunch meetup planned in a room, with who is coming. <see cref="StartsAt"/> is its first date's
/// start; a series (<see cref="Repeat"/>) keeps <see cref="LocalStart"/>'s wall-clock time in
/// <see cref="TimeZone"/> on every date, skips <see cref="Exceptions"/> (local dates), and lists its
/// next starts in <see cref="Occurrences"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Meetup(
    [property: Id(0)] string Id,
    [property: Id(1)] string RoomId,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset StartsAt,
    [property: Id(4)] int DurationMinutes,
    [property: Id(5)] string Location,
    [property: Id(6)] IReadOnlyList<Rsvp> Rsvps,
    [property: Id(7)] string TimeZone = MeetupTimeZones.Utc,
    [property: Id(8)] string LocalStart = "",
    [property: Id(9)] MeetupRepeat? Repeat = null,
    [property: Id(10)] IReadOnlyList<string>? Exceptions = null,
    [property: Id(11)] IReadOnlyList<DateTimeOffset>? Occurrences = null);
