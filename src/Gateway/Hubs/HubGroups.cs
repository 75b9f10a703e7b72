namespace Community.Gateway.Hubs;

/// <summary>The SignalR groups a node keeps: one per room and one per member, for its own connections.</summary>
internal static class HubGroups
{
    public static string Room(string roomId) => "room:" + roomId;

    public static string Member(string memberId) => "member:" + memberId;
}
