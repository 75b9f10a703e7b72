namespace Community.Grains.NetworkEvents;

/// <summary>
/// A reunion or seminar of the whole network (not of one room): for everyone, or for the members with one of
/// <see cref="InvitedTags"/>; up to <see cref="Capacity"/> places (none: no limit), then a waiting list; a room of its
/// own for its chat.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record NetworkEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] string Location,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] int DurationMinutes,
    [property: Id(6)] int? Capacity,
    [property: Id(7)] IReadOnlyList<string> InvitedTags,
    [property: Id(8)] string RoomId,
    [property: Id(9)] string CreatedBy,
    [property: Id(10)] DateTimeOffset CreatedAt);
