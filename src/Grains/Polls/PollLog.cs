using Microsoft.Extensions.Logging;

namespace Community.Grains.Polls;

internal static partial class PollLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Closed poll {PollId} in {RoomId} at its closing time")]
    public static partial void Closed(ILogger logger, string pollId, string roomId);
}
