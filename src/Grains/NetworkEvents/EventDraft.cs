namespace Community.Grains.NetworkEvents;

/// <summary>A network event as the secretariat gives it.</summary>
[GenerateSerializer, Immutable]
public sealed record EventDraft(
    [property: Id(0)] string? Title,
    [property: Id(1)] string? Description,
    [property: Id(2)] string? Location,
    [property: Id(3)] DateTimeOffset? StartsAt,
    [property: Id(4)] int? DurationMinutes,
    [property: Id(5)] int? Capacity,
    [property: Id(6)] IReadOnlyList<string>? InvitedTags);
