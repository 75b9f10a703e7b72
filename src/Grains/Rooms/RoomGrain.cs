using Community.Grains.Audit;
using Community.Grains.Common;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Meetups;
using Community.Grains.Members;
using Community.Grains.Messages;
using Community.Grains.Storage;
using Community.Grains.Text;
using Microsoft.Extensions.Logging;

namespace Community.Grains.Rooms;

public sealed partial class RoomGrain(ConversationServices services, IMeetupStore meetups, IOpportunityStore opportunities, ICalendarFeedStore calendarFeeds,
    ILogger<RoomGrain> logger,
    [PersistentState(ConversationState.Name, GrainStorage.Name)] IPersistentState<ConversationState> state) : ConversationGrain(services, state), IRoomGrain
{
    private const int MaxMuteMinutes = 60 * 24 * 30;

    private bool IsBroadcast => Info?.Kind == RoomKinds.Broadcast;

    public async Task<RoomView> CreateAsync(Actor actor, CreateRoom create)
    {
        var info = new RoomInfo(Key,
            Check.OneOf(create.Kind, "kind", RoomKinds.Room, RoomKinds.Meetup),
            RoomRules.Name(create.Name),
            RoomRules.Topic(create.Topic),
            Check.OneOf(create.Visibility, "visibility", Visibility.Public, Visibility.Private),
            actor.MemberId, Services.Time.Now(), LastSeq: 0);
        await CreateAsync(info, [new RoomMember(Key, actor.MemberId, RoomRoles.Owner, info.CreatedAt, 0)]);
        return ViewFor(actor.MemberId);
    }

    public async Task<RoomView> UpdateAsync(Actor actor, RoomChange change)
    {
        RequireModerator(actor, "change it");
        var info = Info! with
        {
            Name = change.Name is null ? Info!.Name : RoomRules.Name(change.Name),
            Topic = change.Topic is null ? Info!.Topic : RoomRules.Topic(change.Topic),
        };
        await Services.Rooms.UpdateInfoAsync(info);
        SetInfo(info);
        foreach (var memberId in Members.Keys)
            Services.Events.Publish(new MemberEvent(memberId, EventNames.RoomUpdated, ViewFor(memberId)));
        return ViewFor(actor.MemberId);
    }

    public async Task<RoomView> SetNoticeAsync(Actor actor, string? text)
    {
        RequireModerator(actor, "set its notice");
        var notice = new RoomNotice(FieldRules.RoomNotice.Check(text, "text"), actor.MemberId, Services.Time.Now());
        await ChangeNoticeAsync(notice);
        return ViewFor(actor.MemberId);
    }

    public async Task<RoomView> ClearNoticeAsync(Actor actor)
    {
        RequireModerator(actor, "clear its notice");
        if (Info!.Notice is not null) await ChangeNoticeAsync(null);
        return ViewFor(actor.MemberId);
    }

    private async Task ChangeNoticeAsync(RoomNotice? notice)
    {
        await Services.Rooms.SetNoticeAsync(Key, notice);
        SetInfo(Info! with { Notice = notice });
        foreach (var memberId in Members.Keys)
            Services.Events.Publish(new MemberEvent(memberId, EventNames.RoomUpdated, ViewFor(memberId)));
    }

    public async Task<RoomView> JoinAsync(Actor actor)
    {
        var info = RequireRoom();
        if (Members.ContainsKey(actor.MemberId)) return ViewFor(actor.MemberId);
        if (info.Visibility != Visibility.Public) throw CommunityException.Forbidden("this room is private: a member of it can add you");
        await AddMemberAsync(actor.MemberId, RoomRoles.Member);
        return ViewFor(actor.MemberId);
    }

    public async Task LeaveAsync(Actor actor)
    {
        RequireMember(actor);
        if (IsBroadcast) throw CommunityException.Forbidden("every member belongs to the broadcast channel");
        await RemoveMemberAsync(actor.MemberId);
    }

    public async Task AddMemberAsync(Actor actor, string memberId)
    {
        var member = RequireMember(actor);
        if (Info!.Visibility != Visibility.Public && !RoomRoles.CanModerate(member.Role))
            throw CommunityException.Forbidden("only the owner and moderators can add members to a private room");
        ClientIds.Check(memberId, "memberId");
        if (Members.ContainsKey(memberId)) return;
        if (await Services.Grains.GetGrain<IMemberGrain>(memberId).GetAsync() is null)
            throw CommunityException.NotFound("no such member");
        await AddMemberAsync(memberId, RoomRoles.Member);
    }

    public async Task RemoveMemberAsync(Actor actor, string memberId)
    {
        RequireModerator(actor, "remove members");
        ClientIds.Check(memberId, "memberId");
        if (IsBroadcast) throw CommunityException.Forbidden("every member belongs to the broadcast channel");
        if (!Members.TryGetValue(memberId, out var target)) throw CommunityException.NotFound("that member is not in this room");
        if (target.Role == RoomRoles.Owner && !actor.IsSecretariat && actor.MemberId != memberId)
            throw CommunityException.Forbidden("the owner cannot be removed");
        var audit = memberId == actor.MemberId ? null
            : AuditEntry.Of(AuditActions.RoomMemberRemoved, actor.MemberId, Key, memberId, new { role = target.Role }, Services.Time.Now());
        await RemoveMemberAsync(memberId, audit);
    }

    public async Task MuteAsync(Actor actor, string memberId, int minutes)
    {
        RequireModerator(actor, "mute members");
        ClientIds.Check(memberId, "memberId");
        if (minutes is < 1 or > MaxMuteMinutes) throw CommunityException.Invalid("minutes", $"must be between 1 and {MaxMuteMinutes}");
        if (!Members.ContainsKey(memberId)) throw CommunityException.NotFound("that member is not in this room");
        await SetMuteAsync(actor, memberId, minutes);
    }

    public async Task<Meetup> CreateMeetupAsync(Actor actor, MeetupDraft draft)
    {
        RequireModerator(actor, "plan meetups");
        if (Info!.Kind is not (RoomKinds.Room or RoomKinds.Meetup)) throw CommunityException.Forbidden("meetups are planned in talk rooms and meetup rooms");
        var meetup = MeetupRules.New(Ids.Random(12), Key, draft, Services.Time.GetUtcNow());
        await meetups.AddAsync(meetup, actor.MemberId, Services.Time.Now());
        if (meetup.Repeat is null)
            await GrainFactory.GetGrain<IMeetupGrain>(meetup.Id).ScheduleReminderAsync(new MeetupReminderPayload(Key, meetup.Id, meetup.Title, meetup.StartsAt));
        else
            await GrainFactory.GetGrain<IMeetupGrain>(meetup.Id).ScheduleSeriesAsync(Key);
        var listed = MeetupRules.Listed(meetup, Services.Time.GetUtcNow());
        Services.Events.Publish(new RoomEvent(Key, EventNames.MeetupUpdated, listed));
        return listed;
    }

    public async Task<IReadOnlyList<Meetup>> ListMeetupsAsync(Actor actor, bool upcomingOnly)
    {
        RequireMember(actor);
        var now = Services.Time.GetUtcNow();
        return (await meetups.ListAsync(Key, upcomingOnly ? now : null)).Select(m => MeetupRules.Listed(m, now)).ToArray();
    }

    public async Task<Meetup> RsvpAsync(Actor actor, string meetupId, string? response)
    {
        RequireMember(actor);
        ClientIds.Check(meetupId, "meetupId");
        var answer = Check.OneOf(response, "response", RsvpResponses.All);
        _ = await meetups.GetAsync(Key, meetupId) ?? throw CommunityException.NotFound("no such meetup in this room");
        await meetups.SetRsvpAsync(meetupId, actor.MemberId, answer, Services.Time.Now());
        var updated = MeetupRules.Listed((await meetups.GetAsync(Key, meetupId))!, Services.Time.GetUtcNow());
        Services.Events.Publish(new RoomEvent(Key, EventNames.MeetupUpdated, updated));
        return updated;
    }

    /// <summary>Typing in the broadcast channel would reach every member: it is accepted and goes nowhere.</summary>
    protected override bool RelaysTyping => !IsBroadcast;

    protected override void CheckMayPost(Actor actor, SendMessage send)
    {
        if (IsBroadcast && send.ReplyToSeq is null && !actor.IsSecretariat)
            throw CommunityException.Forbidden("only the secretariat posts in the broadcast channel: reply to a post instead");
    }

    public async Task EnrolAsync(string memberId)
    {
        if (Key != BroadcastChannel.Id) throw CommunityException.Forbidden("only the broadcast channel enrols members");
        if (!Members.ContainsKey(memberId)) await AddMemberAsync(memberId, RoomRoles.Member);
    }

    private void RequireModerator(Actor actor, string what)
    {
        var member = RequireMember(actor, allowSecretariat: true);
        if (!actor.IsSecretariat && !RoomRoles.CanModerate(member?.Role))
            throw CommunityException.Forbidden($"only the room's owner, moderators and the secretariat can {what}");
    }
}
