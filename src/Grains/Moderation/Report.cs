namespace Community.Grains.Moderation;

/// <summary>A member's report of a message, for the secretariat's queue.</summary>
public sealed record Report(string Id, string RoomId, long Seq, string ReporterId, string Reason, DateTimeOffset CreatedAt);
