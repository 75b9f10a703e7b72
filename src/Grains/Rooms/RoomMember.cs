namespace Community.Grains.Rooms;

/// <summary>One member's place in a room: their role and how far they have read.</summary>
public sealed record RoomMember(string RoomId, string MemberId, string Role, DateTimeOffset JoinedAt, long ReadSeq);
