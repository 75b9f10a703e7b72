namespace Community.Gateway.Contracts;

/// <summary>
/// A meetup to plan: a start as an instant (<c>startsAt</c>) or as a wall-clock time in <c>timeZone</c>
/// (<c>localStart</c>); with <c>repeat</c>, a series, skipping the local dates in <c>exceptions</c>.
/// </summary>
public sealed record CreateMeetupRequest(string? Title, DateTimeOffset? StartsAt, int? DurationMinutes, string? Location,
    string? TimeZone = null, string? LocalStart = null, Community.Grains.Meetups.MeetupRepeatDraft? Repeat = null, IReadOnlyList<string?>? Exceptions = null);

/// <summary>A date of a series to skip (<c>2026-12-11</c>, the meetup's local date).</summary>
public sealed record MeetupDateRequest(string? Date);

/// <summary>A room's calendar feed: its address, and the token in it (shown once: only its hash is kept).</summary>
public sealed record CalendarFeedView(string Url, string Token);

public sealed record RsvpRequest(string? Response);

public sealed record ReportRequest(string? RoomId, long? Seq, string? Reason);

public sealed record MuteRequest(string? MemberId, int? Minutes);

public sealed record ResolveReportRequest(string? Outcome, string? Note);

public sealed record PinRequest(long? Seq);

public sealed record NoticeRequest(string? Text);

/// <summary>A broadcast to post later: both fields to schedule one; either or both to change one.</summary>
public sealed record ScheduledBroadcastRequest(string? Text, DateTimeOffset? SendAt);
