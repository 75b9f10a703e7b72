namespace Community.Grains.Opportunities;

/// <summary>An opportunity as a member sees it: its <c>status</c> now, and their own interest when they gave one.</summary>
[GenerateSerializer, Immutable]
public sealed record OpportunityView(
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
    [property: Id(11)] string Status,
    [property: Id(12)] int InterestCount,
    [property: Id(13)] long? AnnouncedSeq,
    [property: Id(14)] Interest? MyInterest)
{
    public static OpportunityView Of(Opportunity o, DateTimeOffset now, Interest? mine) =>
        new(o.Id, o.Kind, o.Title, o.Location, o.Remote, o.Description, o.Contact, o.ClosesAt, o.PostedBy, o.PostedAt, o.ClosedAt,
            o.IsOpen(now) ? OpportunityStatuses.Open : OpportunityStatuses.Closed, o.InterestCount, o.AnnouncedSeq, mine);
}
