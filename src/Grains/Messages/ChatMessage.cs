namespace Community.Grains.Messages;

/// <summary>
/// One entry of a room's log (the contract's <c>message</c>). A message replied to carries its thread's
/// <see cref="ReplyCount"/> (tombstoned replies included: they keep their place in the thread) and the
/// time of its latest reply.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChatMessage(
    [property: Id(0)] string RoomId,
    [property: Id(1)] long Seq,
    [property: Id(2)] string SenderId,
    [property: Id(3)] string ClientMsgId,
    [property: Id(4)] string? Text,
    [property: Id(5)] string? StampId,
    [property: Id(6)] long? ReplyToSeq,
    [property: Id(7)] IReadOnlyList<string> Mentions,
    [property: Id(8)] DateTimeOffset SentAt,
    [property: Id(9)] DateTimeOffset? EditedAt,
    [property: Id(10)] bool Deleted,
    [property: Id(11)] IReadOnlyList<ReactionCount> Reactions,
    [property: Id(12)] int ReplyCount = 0,
    [property: Id(13)] DateTimeOffset? LastReplyAt = null);
