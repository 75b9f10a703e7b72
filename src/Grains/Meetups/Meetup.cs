namespace Community.Grains.Meetups;

/// <summary>A lunch meetup planned in a room, with who is coming.</summary>
[GenerateSerializer, Immutable]
public sealed record Meetup(
    [property: Id(0)] string Id,
    [property: Id(1)] string RoomId,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset StartsAt,
    [property: Id(4)] int DurationMinutes,
    [property: Id(5)] string Location,
    [property: Id(6)] IReadOnlyList<Rsvp> Rsvps);
