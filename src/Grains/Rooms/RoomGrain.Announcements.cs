using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Members;
using Community.Grains.Messages;
using Community.Grains.Opportunities;

namespace Community.Grains.Rooms;

/// <summary>What the broadcast channel announces for the network's features: a new opportunity.</summary>
public sealed partial class RoomGrain
{
    public async Task<long> AnnounceOpportunityAsync(string opportunityId)
    {
        RequireRoom();
        if (!IsBroadcast) throw CommunityException.Forbidden("opportunities are announced in the broadcast channel");
        var opportunity = await opportunities.GetAsync(opportunityId) ?? throw CommunityException.NotFound("no such opportunity");
        // The channel takes only the secretariat's posts; an announcement of a stored opportunity goes out under its
        // poster's name with the channel's leave, whoever the network lets post opportunities.
        var announcer = new Actor(opportunity.PostedBy, MemberRoles.Secretariat);
        var message = await SendAsync(announcer, new SendMessage(OpportunityAnnouncement.ClientMsgId(opportunity), OpportunityAnnouncement.Text(opportunity)));
        return message.Seq;
    }
}
