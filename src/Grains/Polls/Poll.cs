namespace Community.Grains.Polls;

/// <summary>
/// A poll asked in a room, shown in its timeline as the message at <see cref="Seq"/>. Closed at <see cref="ClosedAt"/>
/// (early, by hand, or when <see cref="ClosesAt"/> came); no vote is taken once <see cref="ClosesAt"/> is past.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Poll(
    [property: Id(0)] string Id,
    [property: Id(1)] string RoomId,
    [property: Id(2)] long Seq,
    [property: Id(3)] string CreatedBy,
    [property: Id(4)] string Question,
    [property: Id(5)] IReadOnlyList<string> Options,
    [property: Id(6)] bool Multiple,
    [property: Id(7)] bool Anonymous,
    [property: Id(8)] DateTimeOffset? ClosesAt,
    [property: Id(9)] DateTimeOffset? ClosedAt,
    [property: Id(10)] DateTimeOffset CreatedAt)
{
    /// <summary>Whether votes are refused at <paramref name="now"/>.</summary>
    public bool IsClosedAt(DateTimeOffset now) => ClosedAt is not null || (ClosesAt is { } closes && now >= closes);
}
