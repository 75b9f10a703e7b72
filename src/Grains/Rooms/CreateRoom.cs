namespace Community.Grains.Rooms;

[GenerateSerializer, Immutable]
public sealed record CreateRoom([property: Id(0)] string? Name, [property: Id(1)] string? Topic, [property: Id(2)] string? Visibility, [property: Id(3)] string? Kind);
