namespace Community.Grains.Audit;

/// <summary>A recorded audit entry as read back: its id orders the log (newest has the highest).</summary>
public sealed record AuditRecord(
    long Id, DateTimeOffset At, string Action, string? ActorId, string? ActorHandle, string? RoomId, string? TargetId, string Detail);
