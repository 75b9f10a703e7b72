namespace Community.Grains.Opportunities;

/// <summary>An opportunity as given: all of it to post one, the fields to change on an edit (null: unchanged).</summary>
[GenerateSerializer, Immutable]
public sealed record OpportunityDraft(
    [property: Id(0)] string? Kind,
    [property: Id(1)] string? Title,
    [property: Id(2)] string? Location,
    [property: Id(3)] bool? Remote,
    [property: Id(4)] string? Description,
    [property: Id(5)] string? Contact,
    [property: Id(6)] DateTimeOffset? ClosesAt);
