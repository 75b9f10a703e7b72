namespace Community.Grains.Messages;

/// <summary>How many members reacted with one key, and whether the reader is one of them.</summary>
public sealed record ReactionCount(string Key, int Count, bool Me);
