namespace Community.Grains.Rooms;

/// <summary>A room as loaded from storage: metadata and members.</summary>
public sealed record RoomSnapshot(RoomInfo Info, IReadOnlyList<RoomMember> Members);
