using Community.Grains.Mail;

namespace Community.Gateway.Contracts;

/// <summary>
/// A member's e-mail settings as they (and the secretariat) see them; <see cref="MailOn"/> says whether this server sends
/// e-mail at all (<c>Community:Mail:Host</c>).
/// </summary>
public sealed record MailSettingsView(string? Address, bool Digests, bool BroadcastMail, string? Language, bool MailOn)
{
    public static MailSettingsView Of(MailSettings s, bool mailOn) => new(s.Address, s.Digests, s.BroadcastMail, s.Language, mailOn);
}

/// <summary>A broadcast sent by e-mail: how many members it goes to, and how many of them it was newly queued for.</summary>
public sealed record BroadcastMailView(long Seq, int Recipients, int Queued);

/// <summary>How many digests a digest check queued.</summary>
public sealed record DigestRunView(int Queued);

/// <summary>An outbox mail as the secretariat sees it.</summary>
public sealed record OutboxEntryView(string Key, string Kind, string MemberId, string Recipient, DateTimeOffset CreatedAt, int Attempts,
    DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError)
{
    public static OutboxEntryView Of(OutboxEntry e) => new(e.Key, e.Kind, e.MemberId, e.Recipient, e.CreatedAt, e.Attempts, e.NextAttemptAt, e.SentAt, e.LastError);
}
