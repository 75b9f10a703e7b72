using System.Globalization;
using Community.Grains.Errors;
using Community.Grains.Mail;
using Community.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Community.Silo.Mail;

/// <summary>
/// One look for members due a digest: away longer than the offline threshold, their last digest at least a digest period
/// ago, with DMs or mentions unread that no digest told of yet. Each gets one digest, queued under the key
/// <c>digest:&lt;member&gt;:&lt;time of the digest before, or 0&gt;</c>: however many nodes look at once, the outbox takes it once.
/// </summary>
public sealed class DigestRun(IMailSettingsStore settings, IMailOutboxStore outbox, UnsubscribeLinks links, MailWakeUp sender,
    IOptions<MailOptions> options, TimeProvider time)
{
    private const int MessagesMax = 20;

    /// <summary>Queues the digests due now; returns how many were queued. <c>conflict</c> when mail is off.</summary>
    public async Task<int> RunAsync()
    {
        var mail = options.Value;
        if (!mail.Enabled) throw CommunityException.Conflict("mail is off on this server (Community:Mail:Host is not set)");
        var now = time.GetUtcNow();
        var queued = new List<OutboxMail>();
        foreach (var candidate in await settings.DigestCandidatesAsync(now - mail.OfflineThreshold))
        {
            if (candidate.LastDigestAt is { } last && last > now - mail.DigestPeriod) continue;
            var missed = await settings.MissedAsync(candidate.Recipient.MemberId, candidate.LastDigestAt ?? DateTimeOffset.UnixEpoch, MessagesMax);
            if (missed.Count == 0) continue;
            var to = candidate.Recipient;
            var unsubscribe = await links.LinkAsync(to.MemberId, MailKinds.Digest);
            var (subject, body) = DigestText.Write(to, missed, mail, unsubscribe);
            var after = (candidate.LastDigestAt?.ToUnixTimeMilliseconds() ?? 0).ToString(CultureInfo.InvariantCulture);
            queued.Add(new OutboxMail($"{MailKinds.Digest}:{to.MemberId}:{after}", MailKinds.Digest, to.MemberId, to.Address, subject, body, unsubscribe));
        }
        var added = await outbox.EnqueueAsync(queued, now);
        if (added > 0) sender.Wake();
        return added;
    }
}
