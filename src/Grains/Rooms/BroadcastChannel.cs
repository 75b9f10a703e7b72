namespace Community.Grains.Rooms;

/// <summary>The secretariat's channel to every member: a well-known room every member belongs to.</summary>
public static class BroadcastChannel
{
    public const string Id = "broadcast";
}
