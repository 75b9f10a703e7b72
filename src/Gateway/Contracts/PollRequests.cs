namespace Community.Gateway.Contracts;

/// <summary>A poll to post in a room; <c>clientMsgId</c> makes a retry return the first poll.</summary>
public sealed record CreatePollRequest(string? Question, string?[]? Options, bool? Multiple, bool? Anonymous, DateTimeOffset? ClosesAt, string? ClientMsgId);

/// <summary>A member's choices in a poll: option indexes, replacing those they made before.</summary>
public sealed record VoteRequest(int[]? Choices);
