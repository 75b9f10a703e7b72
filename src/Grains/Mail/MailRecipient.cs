namespace Community.Grains.Mail;

/// <summary>A member to mail: their address, name and language (null: both languages).</summary>
public sealed record MailRecipient(string MemberId, string DisplayName, string Address, string? Language);
