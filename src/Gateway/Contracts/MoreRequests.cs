namespace Community.Gateway.Contracts;

public sealed record CreateMeetupRequest(string? Title, DateTimeOffset? StartsAt, int? DurationMinutes, string? Location);

public sealed record RsvpRequest(string? Response);

public sealed record ReportRequest(string? RoomId, long? Seq, string? Reason);

public sealed record MuteRequest(string? MemberId, int? Minutes);

public sealed record ResolveReportRequest(string? Outcome, string? Note);

public sealed record PinRequest(long? Seq);

public sealed record NoticeRequest(string? Text);

/// <summary>A broadcast to post later: both fields to schedule one; either or both to change one.</summary>
public sealed record ScheduledBroadcastRequest(string? Text, DateTimeOffset? SendAt);
