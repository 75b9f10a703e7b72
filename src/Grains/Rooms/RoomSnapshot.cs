namespace Community.Grains.Rooms;

/// <summary>A room as loaded from storage: metadata, members, and the mutes in force.</summary>
public sealed record RoomSnapshot(RoomInfo Info, IReadOnlyList<RoomMember> Members, IReadOnlyDictionary<string, DateTimeOffset> MutedUntil);
