namespace Community.Grains.Pins;

/// <summary>A message pinned in a room: which one, by whom, when.</summary>
[GenerateSerializer, Immutable]
public sealed record Pin([property: Id(0)] long Seq, [property: Id(1)] string PinnedBy, [property: Id(2)] DateTimeOffset PinnedAt);
