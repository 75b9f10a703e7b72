namespace Community.Grains.Rooms;

/// <summary>
/// One member's place in a room: their role, how far they have read, and until when they muted the
/// room's notifications (null when they did not; <see cref="RoomNotifications.MutedForever"/> until they unmute).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RoomMember([property: Id(0)] string RoomId, [property: Id(1)] string MemberId, [property: Id(2)] string Role,
    [property: Id(3)] DateTimeOffset JoinedAt, [property: Id(4)] long ReadSeq, [property: Id(5)] DateTimeOffset? NotificationsMutedUntil = null)
{
    public bool HasMutedNotifications(DateTimeOffset now) => NotificationsMutedUntil > now;
}
