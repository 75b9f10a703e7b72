namespace Community.Grains.Messages;

/// <summary>One entry of a room's log (the contract's <c>message</c>).</summary>
public sealed record ChatMessage(
    string RoomId,
    long Seq,
    string SenderId,
    string ClientMsgId,
    string? Text,
    string? StampId,
    long? ReplyToSeq,
    IReadOnlyList<string> Mentions,
    DateTimeOffset SentAt,
    DateTimeOffset? EditedAt,
    bool Deleted,
    IReadOnlyList<ReactionCount> Reactions);
