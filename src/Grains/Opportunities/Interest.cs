namespace Community.Grains.Opportunities;

/// <summary>
/// A member's "interested" in an opportunity, with their note; only the poster and the secretariat see it. Once the
/// poster opens a DM with the member from it, when and which DM.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Interest(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string Note,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] DateTimeOffset? ContactedAt = null,
    [property: Id(4)] string? DmRoomId = null);
