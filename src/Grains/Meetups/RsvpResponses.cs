namespace Community.Grains.Meetups;

public static class RsvpResponses
{
    public const string Going = "going";
    public const string Maybe = "maybe";
    public const string Declined = "declined";

    public static readonly string[] All = [Going, Maybe, Declined];
}
