using Microsoft.Extensions.Logging;

namespace Community.Silo.Meetups;

internal static partial class MeetupLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Sent the reminder of meetup {MeetupId} in {RoomId}")]
    public static partial void ReminderSent(ILogger logger, string meetupId, string roomId);

    [LoggerMessage(EventId = 501, Level = LogLevel.Error, Message = "Looking for due meetup reminders failed")]
    public static partial void ReminderFailed(ILogger logger, Exception exception);
}
