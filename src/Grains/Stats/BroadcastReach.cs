namespace Community.Grains.Stats;

/// <summary>How many members a broadcast post reached: all members, those who read it, those who reacted.</summary>
public sealed record BroadcastReach(int Members, int Read, int Reacted);
