namespace Community.Gateway.Contracts;

/// <summary>A network event to create.</summary>
public sealed record EventRequest(string? Title, string? Description, string? Location, DateTimeOffset? StartsAt, int? DurationMinutes, int? Capacity,
    IReadOnlyList<string>? InvitedTags);

/// <summary>Who attended a network event, as the secretariat records it.</summary>
public sealed record AttendanceRequest(IReadOnlyList<string>? MemberIds);
