using Microsoft.Extensions.Logging;

namespace Community.Grains.Meetups;

internal static partial class MeetupLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Sent the reminder of meetup {MeetupId} in {RoomId}")]
    public static partial void ReminderSent(ILogger logger, string meetupId, string roomId);

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "Sent the reminder of meetup {MeetupId} in {RoomId} for its date {Occurrence}")]
    public static partial void OccurrenceReminderSent(ILogger logger, string meetupId, string roomId, string occurrence);
}
