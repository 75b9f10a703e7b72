namespace Community.Grains.NetworkEvents;

/// <summary>An event as a member sees it: how many are going and waiting, and where they stand themselves (their place on the waiting list from 1).</summary>
[GenerateSerializer, Immutable]
public sealed record EventView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] string Location,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] int DurationMinutes,
    [property: Id(6)] int? Capacity,
    [property: Id(7)] IReadOnlyList<string> InvitedTags,
    [property: Id(8)] string RoomId,
    [property: Id(9)] int Going,
    [property: Id(10)] int Waitlisted,
    [property: Id(11)] string? MyStatus,
    [property: Id(12)] int? MyWaitlistPosition);
