namespace Community.Grains.Stats;

/// <summary>The secretariat's figures (the contract's stats answer).</summary>
public sealed record NetworkStats(int Members, PeriodCounts Active, PosterCounts Posters, PeriodCounts Messages, IReadOnlyList<TopRoom> TopRooms)
{
    /// <summary>Opportunities posted and open, interest given, and the DMs that followed from it.</summary>
    public Opportunities.OpportunityStats? Opportunities { get; init; }

    /// <summary>Network events held (started), places taken in them, and attendance recorded.</summary>
    public NetworkEvents.EventStats? Events { get; init; }
}

public sealed record PeriodCounts(int Day, int Week, int Month);

public sealed record PosterCounts(int Month);

public sealed record TopRoom(string RoomId, string Name, int Messages);
