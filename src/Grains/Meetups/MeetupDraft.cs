namespace Community.Grains.Meetups;

public sealed record MeetupDraft(string? Title, DateTimeOffset? StartsAt, int? DurationMinutes, string? Location);
