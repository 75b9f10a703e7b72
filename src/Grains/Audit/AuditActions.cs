namespace Community.Grains.Audit;

/// <summary>The secretariat's and moderators' actions the audit log records, by the name it records them under.</summary>
public static class AuditActions
{
    public const string InvitationsCreated = "invitations.created";
    public const string InvitationRevoked = "invitation.revoked";
    public const string MemberSuspended = "member.suspended";
    public const string MemberDeleted = "member.deleted";
    public const string MemberUnsuspended = "member.unsuspended";

    /// <summary>A member given a role other than by invitation: the secretariat account that configuration creates at start-up.</summary>
    public const string RoleGranted = "member.role_granted";

    public const string RoomMemberRemoved = "room.member_removed";
    public const string RoomMemberMuted = "room.member_muted";

    /// <summary>Someone else's message deleted by a room moderator or the secretariat; deleting one's own is not recorded.</summary>
    public const string MessageDeleted = "message.deleted";

    public const string ReportResolved = "report.resolved";
    public const string StampPackAdded = "stamp_pack.added";
    public const string StampPackRemoved = "stamp_pack.removed";
    public const string BroadcastScheduled = "broadcast.scheduled";
    public const string BroadcastScheduleEdited = "broadcast.schedule_edited";
    public const string BroadcastScheduleCancelled = "broadcast.schedule_cancelled";

    public static readonly IReadOnlyList<string> All =
    [
        InvitationsCreated, InvitationRevoked, MemberSuspended, MemberUnsuspended, MemberDeleted, RoleGranted, RoomMemberRemoved,
        RoomMemberMuted, MessageDeleted, ReportResolved, StampPackAdded, StampPackRemoved,
        BroadcastScheduled, BroadcastScheduleEdited, BroadcastScheduleCancelled,
    ];
}
