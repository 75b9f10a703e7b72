using Community.Grains.Messages;
using Community.Grains.Text;

namespace Community.Silo.Storage.TextCheck;

/// <summary>Every column of free text or client-given id the network keeps, with its rule.</summary>
internal static class StoredTextColumns
{
    public static readonly IReadOnlyList<StoredTextColumn> All =
    [
        StoredTextColumn.Shaped("members", "id", "handle", Handles.Rule, handle => Handles.Check(handle)),
        StoredTextColumn.Of("members", "id", "display_name", FieldRules.DisplayName),
        StoredTextColumn.Of("members", "id", "headline", FieldRules.Headline),
        StoredTextColumn.Of("members", "id", "bio", FieldRules.Bio),
        StoredTextColumn.Of("members", "id", "current_company", FieldRules.CurrentCompany),
        StoredTextColumn.Of("members", "id", "status", FieldRules.Status),
        StoredTextColumn.ListOf("members", "id", "former_departments", FieldRules.ListItem),
        StoredTextColumn.ListOf("members", "id", "tags", FieldRules.ListItem),
        // A DM has no name of its own.
        StoredTextColumn.Of("rooms", "id", "name", FieldRules.RoomName, where: "kind <> 'dm'"),
        StoredTextColumn.Of("rooms", "id", "topic", FieldRules.Topic),
        StoredTextColumn.Of("rooms", "id", "notice_text", FieldRules.RoomNotice, where: "notice_text IS NOT NULL"),
        StoredTextColumn.Shaped("messages", "room_id, seq", "client_msg_id", ClientIds.Rule, id => ClientIds.Check(id, "client_msg_id")),
        // A deleted message keeps no text.
        StoredTextColumn.Of("messages", "room_id, seq", "text", FieldRules.MessageText, where: "text IS NOT NULL"),
        StoredTextColumn.Shaped("reactions", "room_id, seq, member_id", "reaction_key", ReactionKeys.Rule, ReactionKey),
        StoredTextColumn.Of("meetups", "id", "title", FieldRules.MeetupTitle),
        StoredTextColumn.Of("meetups", "id", "location", FieldRules.MeetupLocation),
        StoredTextColumn.Of("reports", "id", "reason", FieldRules.ReportReason),
        StoredTextColumn.Of("network_events", "id", "title", FieldRules.EventTitle),
        StoredTextColumn.Of("network_events", "id", "description", FieldRules.EventDescription),
        StoredTextColumn.Of("network_events", "id", "location", FieldRules.MeetupLocation),
        StoredTextColumn.ListOf("network_events", "id", "invited_tags", FieldRules.ListItem),
        StoredTextColumn.Of("opportunities", "id", "title", FieldRules.OpportunityTitle),
        StoredTextColumn.Of("opportunities", "id", "location", FieldRules.OpportunityLocation),
        StoredTextColumn.Of("opportunities", "id", "description", FieldRules.OpportunityDescription),
        StoredTextColumn.Of("opportunities", "id", "contact", FieldRules.OpportunityContact),
        StoredTextColumn.Of("opportunity_interest", "opportunity_id, member_id", "note", FieldRules.InterestNote),
        StoredTextColumn.Of("invitations", "code", "note", FieldRules.InvitationNote, where: "note IS NOT NULL"),
        StoredTextColumn.Of("reports", "id", "resolution_note", FieldRules.ResolutionNote, where: "resolution_note IS NOT NULL"),
        // Keyed by the session's id: a finding never shows a token's hash.
        StoredTextColumn.Of("tokens", "session_id", "device", FieldRules.SessionDevice, where: "device IS NOT NULL"),
        StoredTextColumn.Of("stamp_packs", "id", "name", FieldRules.StampPackName),
        StoredTextColumn.Of("stamps", "id", "label", FieldRules.StampLabel),
    ];

    private static string ReactionKey(string key)
    {
        if (ReactionKeys.IsStamp(key, out var stampId)) ClientIds.Check(stampId, "reaction_key");
        else if (!ReactionKeys.IsSingleEmoji(key)) throw Grains.Errors.CommunityException.Invalid("reaction_key", "is not one emoji");
        return key;
    }
}
