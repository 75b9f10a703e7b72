namespace Community.Grains.Rooms;

/// <summary>A member's role inside one room.</summary>
public static class RoomRoles
{
    public const string Owner = "owner";
    public const string Moderator = "moderator";
    public const string Member = "member";

    public static bool CanModerate(string? role) => role is Owner or Moderator;
}
