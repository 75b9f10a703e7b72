using System.Globalization;
using Community.Grains.Errors;
using Community.Grains.Mail;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Community.Silo.Mail;

/// <summary>
/// Sends a broadcast by e-mail to every member with an address who has not turned broadcast e-mail off, through the
/// outbox under <c>broadcast:&lt;seq&gt;:&lt;member&gt;</c>: asking again reaches only members who did not get it yet.
/// </summary>
public sealed class BroadcastMailer(IMessageStore messages, IMemberStore members, IMailSettingsStore settings, IMailOutboxStore outbox,
    UnsubscribeLinks links, MailWakeUp sender, IOptions<MailOptions> options, TimeProvider time)
{
    /// <summary>Queues the broadcast <paramref name="seq"/>; returns how many members it goes to and how many of them newly.</summary>
    public async Task<(int Recipients, int Queued)> QueueAsync(long seq)
    {
        var mail = options.Value;
        if (!mail.Enabled) throw CommunityException.Conflict("mail is off on this server (Community:Mail:Host is not set)");
        var message = await messages.GetAsync(BroadcastChannel.Id, seq);
        if (message is null || message.Deleted || message.ReplyToSeq is not null) throw CommunityException.NotFound("no such broadcast");
        if (message.Text is not { Length: > 0 } text) throw CommunityException.Invalid("seq", "a stamp has no text to send by e-mail");
        var author = (await members.GetAsync(message.SenderId))?.Profile.DisplayName ?? "";
        var recipients = await settings.BroadcastRecipientsAsync();
        var queued = new List<OutboxMail>(recipients.Count);
        foreach (var to in recipients)
        {
            var unsubscribe = await links.LinkAsync(to.MemberId, MailKinds.Broadcast);
            var (subject, body) = BroadcastText.Write(to, text, author, mail, unsubscribe);
            queued.Add(new OutboxMail($"{MailKinds.Broadcast}:{seq.ToString(CultureInfo.InvariantCulture)}:{to.MemberId}", MailKinds.Broadcast, to.MemberId,
                to.Address, subject, body, unsubscribe));
        }
        var added = await outbox.EnqueueAsync(queued, time.GetUtcNow());
        if (added > 0) sender.Wake();
        return (recipients.Count, added);
    }
}
