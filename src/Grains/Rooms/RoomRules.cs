using Community.Grains.Common;

namespace Community.Grains.Rooms;

/// <summary>The contract's limits on room metadata.</summary>
internal static class RoomRules
{
    public static string Name(string? name) => Check.Length(name?.Trim(), "name", 1, Limits.RoomNameMax);

    public static string Topic(string? topic) => Check.OptionalLength(topic?.Trim(), "topic", Limits.TopicMax) ?? "";
}
