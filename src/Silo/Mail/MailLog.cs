using Microsoft.Extensions.Logging;

namespace Community.Silo.Mail;

internal static partial class MailLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Mail is off: Community:Mail:Host is not set.")]
    public static partial void Off(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent mail {Key}.")]
    public static partial void Sent(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send mail {Key} (attempt {Attempt}); next attempt at {NextAttemptAt}.")]
    public static partial void Failed(ILogger logger, Exception exception, string key, int attempt, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail outbox could not be read or written; trying again later.")]
    public static partial void OutboxFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The digest check failed; trying again at its next time.")]
    public static partial void DigestFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} digest mails.")]
    public static partial void DigestsQueued(ILogger logger, int count);
}
