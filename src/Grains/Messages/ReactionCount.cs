namespace Community.Grains.Messages;

/// <summary>How many members reacted with one key, and whether the reader is one of them.</summary>
[GenerateSerializer, Immutable]
public sealed record ReactionCount([property: Id(0)] string Key, [property: Id(1)] int Count, [property: Id(2)] bool Me);
