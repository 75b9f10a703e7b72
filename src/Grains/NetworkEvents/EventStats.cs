namespace Community.Grains.NetworkEvents;

/// <summary>Network events on the statistics page: how many were held (have started), places taken in them, and attendance recorded.</summary>
[GenerateSerializer, Immutable]
public sealed record EventStats([property: Id(0)] int Held, [property: Id(1)] int Going, [property: Id(2)] int Attended);
