using Community.Grains.Conversations;
using Community.Grains.Rooms;

namespace Community.Grains.Opportunities;

/// <summary>One opportunity and the interest in it; keyed by the opportunity's id. The only writer of both.</summary>
public interface IOpportunityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Posts it (the secretariat; members too where <see cref="OpportunityOptions.MembersMayPost"/>) and announces it
    /// in the broadcast channel; <c>conflict</c> when an opportunity has this id already.
    /// </summary>
    Task<OpportunityView> PostAsync(Actor actor, OpportunityDraft draft);

    /// <summary>The opportunity as <paramref name="actor"/> sees it; <c>not_found</c> when there is none.</summary>
    Task<OpportunityView> GetAsync(Actor actor);

    /// <summary>Changes the fields given: the poster or the secretariat, while it is open.</summary>
    Task<OpportunityView> ChangeAsync(Actor actor, OpportunityDraft draft);

    /// <summary>Closes it for good (the poster or the secretariat): archived, no new interest. Closing a closed one changes nothing.</summary>
    Task<OpportunityView> CloseAsync(Actor actor);

    /// <summary>Says the member is interested, with a note (again: the note replaced); not the poster, not once it is closed.</summary>
    Task<OpportunityView> SetInterestAsync(Actor actor, string? note);

    /// <summary>Takes the member's interest back; nothing when they had none.</summary>
    Task<OpportunityView> WithdrawInterestAsync(Actor actor);

    /// <summary>Who is interested, with their notes, newest first: the poster and the secretariat only.</summary>
    Task<IReadOnlyList<Interest>> ListInterestAsync(Actor actor);

    /// <summary>
    /// The poster (or the secretariat) opens a DM with an interested member from their interest, which records it
    /// (the statistics count the DMs that followed); the DM as the caller sees it.
    /// </summary>
    Task<RoomView> ContactAsync(Actor actor, string memberId);
}
