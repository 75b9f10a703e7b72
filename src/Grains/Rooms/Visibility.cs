namespace Community.Grains.Rooms;

public static class Visibility
{
    public const string Public = "public";
    public const string Private = "private";
}
