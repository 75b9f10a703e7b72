namespace Community.Grains.Opportunities;

/// <summary>
/// A job opening, project or side work posted to the network. Open until it is closed or its closing time passes;
/// then archived (still readable, <c>status</c> <c>closed</c>, no new interest).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Opportunity(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Title,
    [property: Id(3)] string Location,
    [property: Id(4)] bool Remote,
    [property: Id(5)] string Description,
    [property: Id(6)] string Contact,
    [property: Id(7)] DateTimeOffset? ClosesAt,
    [property: Id(8)] string PostedBy,
    [property: Id(9)] DateTimeOffset PostedAt,
    [property: Id(10)] DateTimeOffset? ClosedAt,
    [property: Id(11)] int InterestCount,
    [property: Id(12)] long? AnnouncedSeq)
{
    public bool IsOpen(DateTimeOffset now) => ClosedAt is null && (ClosesAt is null || ClosesAt > now);
}
