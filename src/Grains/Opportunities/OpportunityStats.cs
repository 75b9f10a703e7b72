namespace Community.Grains.Opportunities;

/// <summary>
/// Opportunities on the statistics page: how many were posted, how many are open now, how many members said they were
/// interested (each interest counted), and how many of those the poster followed up with a DM.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OpportunityStats(
    [property: Id(0)] int Posted,
    [property: Id(1)] int Open,
    [property: Id(2)] int Interested,
    [property: Id(3)] int Contacted);
