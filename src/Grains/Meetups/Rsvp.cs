namespace Community.Grains.Meetups;

[GenerateSerializer, Immutable]
public sealed record Rsvp([property: Id(0)] string MemberId, [property: Id(1)] string Response);
