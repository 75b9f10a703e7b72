namespace Community.Grains.Messages;

/// <summary>What a client sends; <see cref="ClientMsgId"/> makes retries safe.</summary>
public sealed record SendMessage(string? ClientMsgId, string? Text, string? StampId = null, long? ReplyToSeq = null);
