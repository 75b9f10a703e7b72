using Community.Grains.Messages;
using Community.Grains.Rooms;
using Community.Grains.Storage;

namespace Community.Silo.Storage;

/// <summary>A <c>rooms</c> row as read.</summary>
internal class RoomRow
{
    public const string Columns = "r.id, r.kind, r.name, r.topic, r.visibility, r.created_by, r.created_at, r.last_seq, r.notice_text, r.notice_set_by, r.notice_set_at";

    public string id { get; set; } = "";
    public string kind { get; set; } = "";
    public string name { get; set; } = "";
    public string topic { get; set; } = "";
    public string visibility { get; set; } = "";
    public string created_by { get; set; } = "";
    public long created_at { get; set; }
    public long last_seq { get; set; }
    public string? notice_text { get; set; }
    public string? notice_set_by { get; set; }
    public long? notice_set_at { get; set; }

    public RoomInfo ToInfo() => new(id, kind, name, topic, visibility, created_by, StoredValues.Time(created_at), last_seq,
        notice_text is null ? null : new RoomNotice(notice_text, notice_set_by ?? "", StoredValues.Time(notice_set_at ?? 0)));
}

/// <summary>A room with the viewer's membership, the member count and the last message, for listings.</summary>
internal sealed class RoomListingRow : RoomRow
{
    public const string Select =
        $"""
        SELECT {Columns},
            (SELECT COUNT(*) FROM room_members c WHERE c.room_id = r.id) AS member_count,
            v.role AS viewer_role, v.joined_at AS viewer_joined_at, v.read_seq AS viewer_read_seq,
            v.notifications_muted_until AS viewer_notifications_muted_until,
            m.sender_id AS m_sender_id, m.client_msg_id AS m_client_msg_id, m.text AS m_text, m.stamp_id AS m_stamp_id,
            m.reply_to_seq AS m_reply_to_seq, m.mentions AS m_mentions, m.sent_at AS m_sent_at, m.edited_at AS m_edited_at, m.deleted AS m_deleted
        FROM rooms r
        LEFT JOIN room_members v ON v.room_id = r.id AND v.member_id = @viewerId
        LEFT JOIN messages m ON m.room_id = r.id AND m.seq = r.last_seq
        """;

    public long member_count { get; set; }
    public string? viewer_role { get; set; }
    public long? viewer_joined_at { get; set; }
    public long? viewer_read_seq { get; set; }
    public long? viewer_notifications_muted_until { get; set; }
    public string? m_sender_id { get; set; }
    public string? m_client_msg_id { get; set; }
    public string? m_text { get; set; }
    public string? m_stamp_id { get; set; }
    public long? m_reply_to_seq { get; set; }
    public string? m_mentions { get; set; }
    public long? m_sent_at { get; set; }
    public long? m_edited_at { get; set; }
    public bool? m_deleted { get; set; }

    public RoomListing ToListing(string viewerId)
    {
        var viewer = viewer_role is null ? null
            : new RoomMember(id, viewerId, viewer_role, StoredValues.Time(viewer_joined_at ?? 0), viewer_read_seq ?? 0,
                StoredValues.Time(viewer_notifications_muted_until));
        var last = m_sender_id is null ? null
            : new ChatMessage(id, last_seq, m_sender_id, m_client_msg_id ?? "", m_text, m_stamp_id, m_reply_to_seq,
                StoredValues.List(m_mentions), StoredValues.Time(m_sent_at ?? 0), StoredValues.Time(m_edited_at), m_deleted == true, []);
        return new RoomListing(ToInfo(), (int)member_count, viewer, last);
    }
}

/// <summary>A <c>room_members</c> row as read.</summary>
internal sealed class RoomMemberRow
{
    public string room_id { get; set; } = "";
    public string member_id { get; set; } = "";
    public string role { get; set; } = "";
    public long joined_at { get; set; }
    public long read_seq { get; set; }
    public long? notifications_muted_until { get; set; }

    public RoomMember ToMember() => new(room_id, member_id, role, StoredValues.Time(joined_at), read_seq, StoredValues.Time(notifications_muted_until));
}
