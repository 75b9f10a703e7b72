using Community.Grains.Messages;

namespace Community.Silo.Storage;

/// <summary>A <c>messages</c> row as read, and the parameters that write one (the same in every store).</summary>
internal sealed class MessageRow
{
    /// <summary>Every column, in the order an insert gives them: a new message has no replies yet (<c>0, NULL</c>).</summary>
    public const string Columns = "room_id, seq, sender_id, client_msg_id, text, stamp_id, reply_to_seq, mentions, sent_at, edited_at, deleted, reply_count, last_reply_at";

    public string room_id { get; set; } = "";
    public long seq { get; set; }
    public string sender_id { get; set; } = "";
    public string client_msg_id { get; set; } = "";
    public string? text { get; set; }
    public string? stamp_id { get; set; }
    public long? reply_to_seq { get; set; }
    public string mentions { get; set; } = "[]";
    public long sent_at { get; set; }
    public long? edited_at { get; set; }
    public bool deleted { get; set; }
    public long reply_count { get; set; }
    public long? last_reply_at { get; set; }

    public ChatMessage ToMessage() => new(room_id, seq, sender_id, client_msg_id, text, stamp_id, reply_to_seq,
        StoredValues.List(mentions), StoredValues.Time(sent_at), StoredValues.Time(edited_at), deleted, [],
        (int)reply_count, StoredValues.Time(last_reply_at));

    public static object Parameters(ChatMessage m) => new
    {
        roomId = m.RoomId, m.Seq, senderId = m.SenderId, clientMsgId = m.ClientMsgId, m.Text, stampId = m.StampId,
        replyToSeq = m.ReplyToSeq, mentions = StoredValues.List(m.Mentions), sentAt = StoredValues.Time(m.SentAt),
        editedAt = StoredValues.Time(m.EditedAt), deleted = m.Deleted,
    };
}
