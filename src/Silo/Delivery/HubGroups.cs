namespace Community.Silo.Delivery;

/// <summary>
/// The SignalR groups connections are kept in: one per room and one per member, and one per
/// member whose presence connections have asked to watch.
/// </summary>
public static class HubGroups
{
    public static string Room(string roomId) => "room:" + roomId;

    public static string Member(string memberId) => "member:" + memberId;

    /// <summary>The connections that asked for <paramref name="memberId"/>'s presence (<c>SubscribePresence</c>).</summary>
    public static string Presence(string memberId) => "presence:" + memberId;
}
