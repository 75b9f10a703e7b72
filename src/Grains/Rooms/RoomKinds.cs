namespace Community.Grains.Rooms;

public static class RoomKinds
{
    public const string Room = "room";
    public const string Dm = "dm";
    public const string Broadcast = "broadcast";
    public const string Meetup = "meetup";
}
