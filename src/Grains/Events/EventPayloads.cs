namespace Community.Grains.Events;

public sealed record MessageDeletedPayload(string RoomId, long Seq);

public sealed record ReadPayload(string RoomId, string MemberId, long Seq);

public sealed record MembershipPayload(string RoomId, string MemberId, bool Joined);
