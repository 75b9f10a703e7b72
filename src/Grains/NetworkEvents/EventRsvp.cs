namespace Community.Grains.NetworkEvents;

/// <summary>A member's answer and where it left them; <see cref="At"/> orders the waiting list (first come, first served).</summary>
[GenerateSerializer, Immutable]
public sealed record EventRsvp([property: Id(0)] string MemberId, [property: Id(1)] string Status, [property: Id(2)] DateTimeOffset At);
