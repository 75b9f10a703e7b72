namespace Community.Grains.Mail;

/// <summary>
/// An e-mail waiting in the outbox. <see cref="Key"/> names what it is about (<c>digest:&lt;member&gt;:&lt;period&gt;</c>,
/// <c>broadcast:&lt;seq&gt;:&lt;member&gt;</c>): the outbox takes one mail per key, ever, and the key is its Message-ID.
/// <see cref="UnsubscribeUrl"/> goes into the List-Unsubscribe header.
/// </summary>
public sealed record OutboxMail(string Key, string Kind, string MemberId, string Recipient, string Subject, string Body, string? UnsubscribeUrl);
