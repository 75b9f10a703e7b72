namespace Community.Grains.Members;

/// <summary>Who sees a member's headline and company.</summary>
public static class FieldAudiences
{
    /// <summary>Every member of the network.</summary>
    public const string Everyone = "everyone";

    /// <summary>Members who share a room or a DM thread with them (the broadcast channel does not count).</summary>
    public const string RoomMates = "room-mates";

    /// <summary>Only the secretariat.</summary>
    public const string Nobody = "nobody";

    public static readonly string[] All = [Everyone, RoomMates, Nobody];
}
