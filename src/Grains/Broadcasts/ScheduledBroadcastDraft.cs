namespace Community.Grains.Broadcasts;

/// <summary>A scheduled broadcast as written or changed: on a change, a null field stays as it was.</summary>
[GenerateSerializer, Immutable]
public sealed record ScheduledBroadcastDraft([property: Id(0)] string? Text, [property: Id(1)] DateTimeOffset? SendAt);
