namespace Community.Grains.Rooms;

/// <summary>A room's notice: a short text shown at the top of the room (a meetup's place and time, the room's rules).</summary>
[GenerateSerializer, Immutable]
public sealed record RoomNotice([property: Id(0)] string Text, [property: Id(1)] string SetBy, [property: Id(2)] DateTimeOffset SetAt);
