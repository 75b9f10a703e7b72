namespace Community.Grains.Mail;

/// <summary>Where an outbox mail stands: sent, or waiting for its next attempt (with the error of the last one).</summary>
public sealed record OutboxEntry(
    string Key, string Kind, string MemberId, string Recipient, DateTimeOffset CreatedAt, int Attempts,
    DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);
