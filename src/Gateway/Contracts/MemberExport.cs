using Community.Grains.Messages;
using Community.Grains.Rooms;

namespace Community.Gateway.Contracts;

/// <summary>Everything a member put into the network, as <c>GET /api/me/export</c> hands it to them.</summary>
public sealed record MemberExport(
    DateTimeOffset ExportedAt, MemberView Profile, IReadOnlyList<RoomView> Rooms, IReadOnlyList<ExportedMessage> Messages,
    IReadOnlyList<MemberReaction> Reactions);

/// <summary>One message the member sent: where, its seq, and what it said (null text once deleted).</summary>
public sealed record ExportedMessage(
    string RoomId, long Seq, string? Text, string? StampId, long? ReplyToSeq, DateTimeOffset SentAt, DateTimeOffset? EditedAt, bool Deleted)
{
    public static ExportedMessage Of(ChatMessage m) => new(m.RoomId, m.Seq, m.Deleted ? null : m.Text, m.StampId, m.ReplyToSeq, m.SentAt, m.EditedAt, m.Deleted);
}
