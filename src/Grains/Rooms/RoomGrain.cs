using Community.Grains.Common;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Members;

namespace Community.Grains.Rooms;

public sealed class RoomGrain(ConversationServices services) : ConversationGrain(services), IRoomGrain
{
    public async Task<RoomView> CreateAsync(Actor actor, CreateRoom create)
    {
        var info = new RoomInfo(Key,
            Check.OneOf(create.Kind, "kind", RoomKinds.Room, RoomKinds.Meetup),
            RoomRules.Name(create.Name),
            RoomRules.Topic(create.Topic),
            Check.OneOf(create.Visibility, "visibility", Visibility.Public, Visibility.Private),
            actor.MemberId, Services.Time.Now(), LastSeq: 0, Version: 1);
        await CreateAsync(info, [new RoomMember(Key, actor.MemberId, RoomRoles.Owner, info.CreatedAt, 0)]);
        return ViewFor(actor.MemberId);
    }

    public async Task<RoomView> UpdateAsync(Actor actor, RoomChange change)
    {
        var member = await RequireMemberAsync(actor, allowSecretariat: true);
        if (!actor.IsSecretariat && !RoomRoles.CanModerate(member?.Role))
            throw CommunityException.Forbidden("only the room's owner, moderators and the secretariat can change it");
        var info = Info! with
        {
            Name = change.Name is null ? Info!.Name : RoomRules.Name(change.Name),
            Topic = change.Topic is null ? Info!.Topic : RoomRules.Topic(change.Topic),
        };
        SetInfo(info with { Version = await Services.Rooms.UpdateInfoAsync(info) });
        foreach (var memberId in Members.Keys)
            Services.Events.Publish(new MemberEvent(memberId, EventNames.RoomUpdated, ViewFor(memberId)));
        return ViewFor(actor.MemberId);
    }

    public async Task<RoomView> JoinAsync(Actor actor)
    {
        var info = await RequireRoomAsync();
        if (Members.ContainsKey(actor.MemberId)) return ViewFor(actor.MemberId);
        if (info.Visibility != Visibility.Public) throw CommunityException.Forbidden("this room is private: a member of it can add you");
        await AddMemberAsync(actor.MemberId, RoomRoles.Member);
        return ViewFor(actor.MemberId);
    }

    public async Task LeaveAsync(Actor actor)
    {
        await RequireMemberAsync(actor);
        await RemoveMemberAsync(actor.MemberId);
    }

    public async Task AddMemberAsync(Actor actor, string memberId)
    {
        var member = await RequireMemberAsync(actor);
        if (Info!.Visibility != Visibility.Public && !RoomRoles.CanModerate(member.Role))
            throw CommunityException.Forbidden("only the owner and moderators can add members to a private room");
        if (string.IsNullOrEmpty(memberId)) throw CommunityException.Invalid("memberId", "is required");
        if (Members.ContainsKey(memberId)) return;
        if (await Services.Grains.GetGrain<IMemberGrain>(memberId).GetAsync() is null)
            throw CommunityException.NotFound("no such member");
        await AddMemberAsync(memberId, RoomRoles.Member);
    }

    public async Task RemoveMemberAsync(Actor actor, string memberId)
    {
        var member = await RequireMemberAsync(actor, allowSecretariat: true);
        if (!actor.IsSecretariat && !RoomRoles.CanModerate(member?.Role))
            throw CommunityException.Forbidden("only the room's owner, moderators and the secretariat can remove members");
        if (!Members.TryGetValue(memberId, out var target)) throw CommunityException.NotFound("that member is not in this room");
        if (target.Role == RoomRoles.Owner && !actor.IsSecretariat && actor.MemberId != memberId)
            throw CommunityException.Forbidden("the owner cannot be removed");
        await RemoveMemberAsync(memberId);
    }
}
