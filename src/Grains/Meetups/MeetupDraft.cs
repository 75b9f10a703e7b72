namespace Community.Grains.Meetups;

[GenerateSerializer, Immutable]
public sealed record MeetupDraft([property: Id(0)] string? Title, [property: Id(1)] DateTimeOffset? StartsAt, [property: Id(2)] int? DurationMinutes, [property: Id(3)] string? Location);
