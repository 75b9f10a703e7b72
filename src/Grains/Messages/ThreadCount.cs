namespace Community.Grains.Messages;

/// <summary>A thread's first message and its reply count and last reply time, as an append left them.</summary>
public sealed record ThreadCount(long Seq, int ReplyCount, DateTimeOffset? LastReplyAt);
