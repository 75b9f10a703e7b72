namespace Community.Grains.Mail;

/// <summary>An outbox mail a node has leased to send, with the attempts made before.</summary>
public sealed record ClaimedMail(OutboxMail Mail, int Attempts);
