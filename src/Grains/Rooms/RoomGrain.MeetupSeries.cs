using Community.Grains.Common;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Meetups;
using Community.Grains.Text;

namespace Community.Grains.Rooms;

/// <summary>
/// A room's recurring meetups (the owner, moderators and the secretariat skip dates and change or end a
/// series) and its calendar feed (whose token the gateway makes; the room keeps only its hash).
/// </summary>
public sealed partial class RoomGrain
{
    public async Task<Meetup> GetMeetupAsync(Actor actor, string meetupId)
    {
        RequireMember(actor);
        return MeetupRules.Listed(await RequireMeetupAsync(meetupId), Services.Time.GetUtcNow());
    }

    public async Task<Meetup> SkipMeetupDateAsync(Actor actor, string meetupId, string? date)
    {
        RequireModerator(actor, "change meetups");
        return await ChangeScheduleAsync(MeetupRules.Skipping(await RequireMeetupAsync(meetupId), date));
    }

    public async Task<Meetup> RestoreMeetupDateAsync(Actor actor, string meetupId, string? date)
    {
        RequireModerator(actor, "change meetups");
        return await ChangeScheduleAsync(MeetupRules.Restoring(await RequireMeetupAsync(meetupId), date));
    }

    public async Task<Meetup> RepeatMeetupAsync(Actor actor, string meetupId, MeetupRepeatDraft? repeat)
    {
        RequireModerator(actor, "change meetups");
        return await ChangeScheduleAsync(MeetupRules.Repeated(await RequireMeetupAsync(meetupId), repeat));
    }

    public async Task SetCalendarFeedAsync(Actor actor, string tokenHash)
    {
        RequireModerator(actor, "share the room's calendar");
        await calendarFeeds.SetAsync(Key, tokenHash, actor.MemberId, Services.Time.Now());
    }

    public async Task RevokeCalendarFeedAsync(Actor actor)
    {
        RequireModerator(actor, "stop sharing the room's calendar");
        if (!await calendarFeeds.RevokeAsync(Key)) throw CommunityException.NotFound("this room has no calendar feed");
    }

    private async Task<Meetup> RequireMeetupAsync(string meetupId)
    {
        ClientIds.Check(meetupId, "meetupId");
        return await meetups.GetAsync(Key, meetupId) ?? throw CommunityException.NotFound("no such meetup in this room");
    }

    /// <summary>Stores the new schedule, re-arms the series' reminder for its next date, and tells the room.</summary>
    private async Task<Meetup> ChangeScheduleAsync(Meetup meetup)
    {
        await meetups.UpdateScheduleAsync(meetup);
        if (meetup.Repeat is not null) await GrainFactory.GetGrain<IMeetupGrain>(meetup.Id).ScheduleSeriesAsync(Key);
        var listed = MeetupRules.Listed(meetup, Services.Time.GetUtcNow());
        Services.Events.Publish(new RoomEvent(Key, EventNames.MeetupUpdated, listed));
        return listed;
    }
}
