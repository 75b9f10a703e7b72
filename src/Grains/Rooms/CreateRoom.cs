namespace Community.Grains.Rooms;

public sealed record CreateRoom(string? Name, string? Topic, string? Visibility, string? Kind);
