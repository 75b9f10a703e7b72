namespace Community.Grains.Polls;

/// <summary>A poll as a client asks for it; <see cref="ClientMsgId"/> makes a retried creation return the first poll.</summary>
[GenerateSerializer, Immutable]
public sealed record PollDraft(
    [property: Id(0)] string? Question,
    [property: Id(1)] IReadOnlyList<string?>? Options,
    [property: Id(2)] bool? Multiple,
    [property: Id(3)] bool? Anonymous,
    [property: Id(4)] DateTimeOffset? ClosesAt,
    [property: Id(5)] string? ClientMsgId);
