using Community.Grains.Common;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Members;
using Community.Grains.Rooms;
using Community.Grains.Text;

namespace Community.Grains.Dms;

public sealed class DmThreadGrain(ConversationServices services,
    [PersistentState(ConversationState.Name, GrainStorage.Name)] IPersistentState<ConversationState> state) : ConversationGrain(services, state), IDmThreadGrain
{
    public async Task<RoomView> OpenAsync(Actor actor, string otherMemberId)
    {
        ClientIds.Check(otherMemberId, "memberId");
        if (otherMemberId == actor.MemberId) throw CommunityException.Invalid("memberId", "a DM needs another member");
        if (DmThreadId.For(actor.MemberId, otherMemberId) != Key) throw CommunityException.Forbidden("not a member of this DM");
        if (Info is not null) return ViewFor(actor.MemberId);
        if (await Services.Grains.GetGrain<IMemberGrain>(otherMemberId).GetAsync() is null)
            throw CommunityException.NotFound("no such member");

        var now = Services.Time.Now();
        var info = new RoomInfo(Key, RoomKinds.Dm, "", "", Visibility.Private, actor.MemberId, now, LastSeq: 0);
        await CreateAsync(info, [
            new RoomMember(Key, actor.MemberId, RoomRoles.Member, now, 0),
            new RoomMember(Key, otherMemberId, RoomRoles.Member, now, 0),
        ]);
        return ViewFor(actor.MemberId);
    }

    /// <summary>In a DM both members pin, as in LINE: neither moderates the other.</summary>
    protected override bool MayPin(Actor actor, RoomMember? member) => member is not null;

    /// <summary>A DM keeps its former member: the other member still has the thread, with whom it was.</summary>
    protected override Task EndFormerMembershipAsync(string memberId) => Task.CompletedTask;

    /// <summary>In a DM the other member sees read receipts too.</summary>
    protected override IEnumerable<string> ReadReceiptRecipients(string readerId) => Members.Keys;
}
