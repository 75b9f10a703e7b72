namespace Community.Grains.Moderation;

/// <summary>A member's report of a message, for the secretariat's queue; <paramref name="Resolution"/> once the secretariat closed it.</summary>
public sealed record Report(string Id, string RoomId, long Seq, string ReporterId, string Reason, DateTimeOffset CreatedAt,
    ReportResolution? Resolution = null);
