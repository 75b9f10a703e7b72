using Community.Grains.Broadcasts;
using Community.Grains.Conversations;
using Community.Grains.Meetups;

namespace Community.Grains.Rooms;

/// <summary>A talk room or meetup room. Keyed by room id (<c>r_…</c>).</summary>
public interface IRoomGrain : IConversationGrain
{
    /// <summary>Creates the room with <paramref name="actor"/> as its owner.</summary>
    Task<RoomView> CreateAsync(Actor actor, CreateRoom create);

    Task<RoomView> UpdateAsync(Actor actor, RoomChange change);

    /// <summary>Sets the room's notice (owner, moderators, secretariat); every member hears <c>roomUpdated</c>.</summary>
    Task<RoomView> SetNoticeAsync(Actor actor, string? text);

    /// <summary>Clears the room's notice; clearing none is a no-op.</summary>
    Task<RoomView> ClearNoticeAsync(Actor actor);

    /// <summary>Joins a public room; joining twice is a no-op.</summary>
    Task<RoomView> JoinAsync(Actor actor);

    Task LeaveAsync(Actor actor);

    Task AddMemberAsync(Actor actor, string memberId);

    Task RemoveMemberAsync(Actor actor, string memberId);

    /// <summary>Stops a member from posting for a while (owner, moderators, secretariat).</summary>
    Task MuteAsync(Actor actor, string memberId, int minutes);

    Task<Meetup> CreateMeetupAsync(Actor actor, MeetupDraft draft);

    Task<IReadOnlyList<Meetup>> ListMeetupsAsync(Actor actor, bool upcomingOnly);

    /// <summary>Enrols a new member in the broadcast channel, which every member belongs to; a no-op when enrolled already.</summary>
    Task EnrolAsync(string memberId);

    Task<Meetup> RsvpAsync(Actor actor, string meetupId, string? response);

    /// <summary>One meetup of the room, with its next dates (a member of the room).</summary>
    Task<Meetup> GetMeetupAsync(Actor actor, string meetupId);

    /// <summary>Skips one date of a series (owner, moderators, secretariat); skipping it twice is a no-op.</summary>
    Task<Meetup> SkipMeetupDateAsync(Actor actor, string meetupId, string? date);

    /// <summary>Lets a skipped date of a series take place again.</summary>
    Task<Meetup> RestoreMeetupDateAsync(Actor actor, string meetupId, string? date);

    /// <summary>Changes how a meetup repeats, or ends its series (a rule with <c>until</c>).</summary>
    Task<Meetup> RepeatMeetupAsync(Actor actor, string meetupId, MeetupRepeatDraft? repeat);

    /// <summary>Opens the room's calendar feed to the token with this hash, replacing the one before (owner, moderators, secretariat).</summary>
    Task SetCalendarFeedAsync(Actor actor, string tokenHash);

    /// <summary>Closes the room's calendar feed; <c>not_found</c> when it has none.</summary>
    Task RevokeCalendarFeedAsync(Actor actor);

    /// <summary>Schedules a broadcast to be posted at its time (the broadcast channel; the secretariat only).</summary>
    Task<ScheduledBroadcast> ScheduleBroadcastAsync(Actor actor, ScheduledBroadcastDraft draft);

    /// <summary>The broadcasts waiting for their time, the earliest first.</summary>
    Task<IReadOnlyList<ScheduledBroadcast>> ListScheduledBroadcastsAsync(Actor actor);

    /// <summary>Changes a pending broadcast's text, time or both; <c>conflict</c> once it is due or posted.</summary>
    Task<ScheduledBroadcast> UpdateScheduledBroadcastAsync(Actor actor, string id, ScheduledBroadcastDraft change);

    /// <summary>Takes a pending broadcast back; <c>conflict</c> once it is due or posted.</summary>
    Task CancelScheduledBroadcastAsync(Actor actor, string id);

    /// <summary>
    /// The broadcast channel announces a stored, open opportunity under its poster's name, once (a repeat finds the
    /// first post); the post's seq. Only the opportunity's grain asks, after storing it.
    /// </summary>
    Task<long> AnnounceOpportunityAsync(string opportunityId);
}
