namespace Community.Grains.Mail;

/// <summary>A member away long enough for a digest, and when their last digest was written (null: never).</summary>
public sealed record DigestCandidate(MailRecipient Recipient, DateTimeOffset? LastDigestAt);
