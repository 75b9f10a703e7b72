using Community.Grains.Opportunities;

namespace Community.Grains.Storage;

public interface IOpportunityStore
{
    /// <summary>Writes a new opportunity; false when one has its id already.</summary>
    Task<bool> AddAsync(Opportunity opportunity);

    Task<Opportunity?> GetAsync(string id);

    /// <summary>The opportunity's interest, newest first.</summary>
    Task<IReadOnlyList<Interest>> InterestsAsync(string id);

    /// <summary>Writes the opportunity's fields, closing and announcement (its grain is the only writer).</summary>
    Task UpdateAsync(Opportunity opportunity);

    /// <summary>Writes a member's interest (a new one, or its note again) and the opportunity's count with it, in one transaction.</summary>
    Task SetInterestAsync(string id, Interest interest, int interestCount);

    /// <summary>Removes a member's interest and writes the opportunity's count with it, in one transaction.</summary>
    Task RemoveInterestAsync(string id, string memberId, int interestCount);

    /// <summary>Opportunities that match, newest first, after the cursor; each with <paramref name="viewerId"/>'s interest when they gave one.</summary>
    Task<IReadOnlyList<(Opportunity Opportunity, Interest? Mine)>> ListAsync(OpportunityQuery query, string viewerId, int limit);

    /// <summary>The network's figures for the statistics page.</summary>
    Task<OpportunityStats> StatsAsync(DateTimeOffset now);
}
