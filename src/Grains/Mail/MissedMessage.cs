namespace Community.Grains.Mail;

/// <summary>
/// An unread message a digest tells of: a DM to the member or a message that mentions them, who sent it, in which room
/// (its name; empty for a DM), its text (null for a stamp) and when.
/// </summary>
public sealed record MissedMessage(string RoomId, string RoomKind, string RoomName, long Seq, string SenderName, string? Text, DateTimeOffset SentAt);
