namespace Community.Silo.Delivery;

/// <summary>The SignalR groups connections are kept in: one per room and one per member.</summary>
public static class HubGroups
{
    public static string Room(string roomId) => "room:" + roomId;

    public static string Member(string memberId) => "member:" + memberId;
}
