namespace Community.Grains.NetworkEvents;

/// <summary>For the secretariat: who is going, who waits (in order), who declined, and who attended once it was recorded.</summary>
[GenerateSerializer, Immutable]
public sealed record EventAttendees(
    [property: Id(0)] IReadOnlyList<string> Going,
    [property: Id(1)] IReadOnlyList<string> Waitlisted,
    [property: Id(2)] IReadOnlyList<string> Declined,
    [property: Id(3)] IReadOnlyList<string> Attended);
