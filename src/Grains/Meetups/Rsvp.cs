namespace Community.Grains.Meetups;

public sealed record Rsvp(string MemberId, string Response);
