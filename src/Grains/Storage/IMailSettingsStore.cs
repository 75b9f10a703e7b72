using Community.Grains.Mail;

namespace Community.Grains.Storage;

/// <summary>Members' e-mail settings (written by each member's <c>IMailSettingsGrain</c>) and who is to get which e-mail.</summary>
public interface IMailSettingsStore
{
    /// <summary>The member's settings; <see cref="MailSettings.Default"/> when they never set any.</summary>
    Task<MailSettings> GetAsync(string memberId);

    Task SetAsync(string memberId, MailSettings settings);

    /// <summary>Forgets the member's settings and address (their account is deleted).</summary>
    Task DeleteAsync(string memberId);

    /// <summary>
    /// Members with an address and digests on, not suspended or deleted, with no hub connection open and no session used
    /// since <paramref name="offlineSince"/>.
    /// </summary>
    Task<IReadOnlyList<DigestCandidate>> DigestCandidatesAsync(DateTimeOffset offlineSince);

    /// <summary>
    /// What <paramref name="memberId"/> has not read, sent after <paramref name="after"/> by someone else: messages in their
    /// DM threads and messages that mention them; the oldest first, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<MissedMessage>> MissedAsync(string memberId, DateTimeOffset after, int limit);

    /// <summary>Members with an address and broadcast e-mail on, not suspended or deleted.</summary>
    Task<IReadOnlyList<MailRecipient>> BroadcastRecipientsAsync();
}
