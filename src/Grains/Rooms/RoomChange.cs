namespace Community.Grains.Rooms;

/// <summary>A rename or new topic; null fields stay as they are.</summary>
public sealed record RoomChange(string? Name, string? Topic);
