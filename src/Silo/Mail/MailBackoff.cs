namespace Community.Silo.Mail;

/// <summary>When to try a failed mail again: the retry delay, doubled for each attempt before, up to the maximum.</summary>
internal static class MailBackoff
{
    public static TimeSpan After(int failedAttempts, MailOptions options)
    {
        var doublings = Math.Clamp(failedAttempts - 1, 0, 30);
        var delay = options.RetryDelay.TotalMilliseconds * Math.Pow(2, doublings);
        return TimeSpan.FromMilliseconds(Math.Min(delay, options.RetryDelayMax.TotalMilliseconds));
    }
}
