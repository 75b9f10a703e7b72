using System.Text.Json;

namespace Community.Grains.Audit;

/// <summary>
/// One action for the audit log: what was done, by whom (null for the node itself, e.g. at start-up),
/// to what (a room and a target id, either may be absent) and when, with a small JSON object of details.
/// The actor's handle is read by the store as it records the entry, so it is the handle at the time.
/// </summary>
public sealed record AuditEntry(string Action, string? ActorId, string? RoomId, string? TargetId, string Detail, DateTimeOffset At)
{
    private static readonly JsonSerializerOptions DetailJson = new(JsonSerializerDefaults.Web);

    /// <summary>An entry whose <paramref name="detail"/> (an anonymous object, or null for none) is kept as camelCase JSON.</summary>
    public static AuditEntry Of(string action, string? actorId, string? roomId, string? targetId, object? detail, DateTimeOffset at) =>
        new(action, actorId, roomId, targetId, JsonSerializer.Serialize(detail ?? new { }, DetailJson), at);
}
