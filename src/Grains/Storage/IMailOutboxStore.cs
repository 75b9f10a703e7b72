using Community.Grains.Mail;

namespace Community.Grains.Storage;

/// <summary>
/// The durable outbox: every e-mail is written here before it is sent, once per key, and stays until it is sent.
/// Nodes lease due mails to send them, so that two nodes never send the same mail at once.
/// </summary>
public interface IMailOutboxStore
{
    /// <summary>Adds the mails whose keys the outbox has never had, in one transaction; returns how many were new.</summary>
    Task<int> EnqueueAsync(IReadOnlyList<OutboxMail> mails, DateTimeOffset now);

    /// <summary>
    /// Leases up to <paramref name="limit"/> unsent mails due by <paramref name="now"/> whose lease (if any) has run out,
    /// to <paramref name="nodeId"/> until <paramref name="leaseUntil"/>.
    /// </summary>
    Task<IReadOnlyList<ClaimedMail>> ClaimAsync(string nodeId, DateTimeOffset now, DateTimeOffset leaseUntil, int limit);

    /// <summary>Records the mail as sent (by the node holding its lease).</summary>
    Task MarkSentAsync(string key, string nodeId, DateTimeOffset sentAt);

    /// <summary>Records a failed attempt and when to try again, and gives up the lease.</summary>
    Task MarkFailedAsync(string key, string nodeId, string error, DateTimeOffset nextAttemptAt);

    /// <summary>The most recent mails, newest first; only the unsent ones when <paramref name="pendingOnly"/>.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListAsync(bool pendingOnly, int limit);

    /// <summary>The key that signs this network's unsubscribe links (made once, by the migration that added the outbox).</summary>
    Task<string> LinkKeyAsync();
}
