namespace Community.Grains.Messages;

/// <summary>One reaction a member gave, as their data export lists it.</summary>
[GenerateSerializer, Immutable]
public sealed record MemberReaction(
    [property: Id(0)] string RoomId,
    [property: Id(1)] long Seq,
    [property: Id(2)] string Key,
    [property: Id(3)] DateTimeOffset At);
