namespace Community.Grains.Meetups;

/// <summary>A meetup whose reminder has just been claimed for sending.</summary>
public sealed record DueReminder(string RoomId, string MeetupId, string Title, DateTimeOffset StartsAt);
