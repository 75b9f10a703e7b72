namespace Community.Grains.Rooms;

/// <summary>A rename or new topic; null fields stay as they are.</summary>
[GenerateSerializer, Immutable]
public sealed record RoomChange([property: Id(0)] string? Name, [property: Id(1)] string? Topic);
