namespace Community.Grains.Rooms;

/// <summary>A room's stored metadata.</summary>
public sealed record RoomInfo(
    string Id,
    string Kind,
    string Name,
    string Topic,
    string Visibility,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    long LastSeq,
    RoomNotice? Notice = null);
