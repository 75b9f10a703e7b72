namespace Community.Grains.Rooms;

/// <summary>One member's place in a room: their role and how far they have read.</summary>
[GenerateSerializer, Immutable]
public sealed record RoomMember([property: Id(0)] string RoomId, [property: Id(1)] string MemberId, [property: Id(2)] string Role, [property: Id(3)] DateTimeOffset JoinedAt, [property: Id(4)] long ReadSeq);
