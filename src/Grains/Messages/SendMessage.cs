namespace Community.Grains.Messages;

/// <summary>What a client sends; <see cref="ClientMsgId"/> makes retries safe.</summary>
[GenerateSerializer, Immutable]
public sealed record SendMessage([property: Id(0)] string? ClientMsgId, [property: Id(1)] string? Text, [property: Id(2)] string? StampId = null, [property: Id(3)] long? ReplyToSeq = null);
