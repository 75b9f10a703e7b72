namespace Community.Grains.Events;

/// <summary>The hub event names of the client contract.</summary>
public static class EventNames
{
    public const string Message = "message";
    public const string MessageEdited = "messageEdited";
    public const string MessageDeleted = "messageDeleted";
    public const string Read = "read";
    public const string RoomUpdated = "roomUpdated";
    public const string Membership = "membership";
    public const string Reaction = "reaction";
    public const string Typing = "typing";
    public const string Presence = "presence";
    public const string Mention = "mention";
    public const string MeetupReminder = "meetupReminder";
    public const string MeetupUpdated = "meetupUpdated";
    public const string ThreadUpdated = "threadUpdated";
    public const string Pinned = "pinned";
    public const string Unpinned = "unpinned";
    public const string Poll = "poll";
    public const string SurveyOpened = "surveyOpened";
    public const string EventRsvp = "eventRsvp";
    public const string EventReminder = "eventReminder";
}
