namespace Community.Grains.Rooms;

/// <summary>A room as loaded from storage: metadata, members, and the mutes kept in the room table before rooms kept them in grain state.</summary>
public sealed record RoomSnapshot(RoomInfo Info, IReadOnlyList<RoomMember> Members, IReadOnlyDictionary<string, DateTimeOffset> MutedUntil);
