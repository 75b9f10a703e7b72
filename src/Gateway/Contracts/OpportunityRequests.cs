using Community.Grains.Opportunities;

namespace Community.Gateway.Contracts;

/// <summary>An opportunity to post (title, kind and description required), or the fields to change on one.</summary>
public sealed record OpportunityRequest(string? Kind, string? Title, string? Location, bool? Remote, string? Description, string? Contact,
    DateTimeOffset? ClosesAt)
{
    public OpportunityDraft ToDraft() => new(Kind, Title, Location, Remote, Description, Contact, ClosesAt);
}

/// <summary>"Interested", with a note for the poster and the secretariat.</summary>
public sealed record InterestRequest(string? Note);
