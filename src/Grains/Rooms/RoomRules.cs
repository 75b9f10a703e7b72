using Community.Grains.Text;

namespace Community.Grains.Rooms;

/// <summary>The rules of room metadata (see <see cref="FieldRules"/>).</summary>
internal static class RoomRules
{
    public static string Name(string? name) => FieldRules.RoomName.Check(name, "name");

    public static string Topic(string? topic) => FieldRules.Topic.Check(topic, "topic");
}
