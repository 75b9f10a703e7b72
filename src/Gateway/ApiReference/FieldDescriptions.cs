using System.Globalization;
using Community.Grains.Audit;
using Community.Grains.Common;
using Community.Grains.Members;
using Community.Grains.Meetups;
using Community.Grains.Moderation;
using Community.Grains.Text;

namespace Community.Gateway.ApiReference;

/// <summary>
/// What the API reference says of each field a client sends: the rule it is checked by, named as
/// <see cref="TextRule.Describe"/> names it. Field names mean the same wherever they appear.
/// </summary>
internal static class FieldDescriptions
{
    private static readonly string ListOfItems =
        string.Create(CultureInfo.InvariantCulture, $"at most {Limits.ListItems} items, each {FieldRules.ListItem.Describe()}");

    /// <summary>Members of JSON bodies (and of the answers that echo them).</summary>
    public static readonly IReadOnlyDictionary<string, string> Properties = new Dictionary<string, string>
    {
        ["inviteCode"] = $"the code as given out; any case, full- or half-width, spaces around it; then {ClientIds.Rule}",
        ["handle"] = Handles.Rule,
        ["password"] = $"{Limits.PasswordMin}–{Limits.PasswordMax:N0} characters of any kind; only ever hashed",
        ["currentPassword"] = "the password the member signs in with now",
        ["newPassword"] = $"{Limits.PasswordMin}–{Limits.PasswordMax:N0} characters of any kind; only ever hashed",
        ["displayName"] = FieldRules.DisplayName.Describe(),
        ["headline"] = FieldRules.Headline.Describe(),
        ["bio"] = FieldRules.Bio.Describe(),
        ["currentCompany"] = FieldRules.CurrentCompany.Describe(),
        ["status"] = FieldRules.Status.Describe(),
        ["formerDepartments"] = ListOfItems,
        ["tags"] = $"{ListOfItems}; a survey's: the members it is for, those with any of these tags (case and width ignored), everyone when empty",
        ["name"] = $"a room's name: {FieldRules.RoomName.Describe()}",
        ["topic"] = FieldRules.Topic.Describe(),
        ["visibility"] = "`public` or `private`",
        ["kind"] = "a room's: `room` (the default) or `meetup`; a survey question's: `single` or `multiple` choice, or free `text`",
        ["memberId"] = ClientIds.Rule,
        ["roomId"] = ClientIds.Rule,
        ["seq"] = "a message's seq in its room (1 or more)",
        ["reason"] = FieldRules.ReportReason.Describe(),
        ["minutes"] = "1–43,200 (30 days)",
        ["count"] = "1–1,000 (1 when left out)",
        ["role"] = $"one of {string.Join(", ", MemberRoles.All)} (alumnus when left out)",
        ["expiresInDays"] = "1–365 (30 when left out)",
        // An invitation's note and a report's resolution note follow one rule.
        ["note"] = FieldRules.InvitationNote.Describe(),
        ["outcome"] = $"one of {string.Join(", ", ReportResolution.Outcomes)}",
        ["title"] = $"a meetup's: {FieldRules.MeetupTitle.Describe()}; a survey's: {FieldRules.SurveyTitle.Describe()}",
        ["startsAt"] = "an ISO-8601 time within ten years of now",
        ["durationMinutes"] = "5–1,440 (60 when left out)",
        ["location"] = FieldRules.MeetupLocation.Describe(),
        ["response"] = $"one of {string.Join(", ", RsvpResponses.All)}",
        ["muted"] = "true to mute the room's notifications for yourself, false to unmute",
        ["until"] = Grains.Rooms.RoomNotifications.UntilRule,
        ["messages"] = "what becomes of the deleted member's messages: `keep` (the default): they stay, shown as a former member's",
        ["privacy"] = "what the directory shows of the member to others (the member and the secretariat always see it whole); shown only to them",
        ["fieldsVisibleTo"] = $"who sees the headline and current company: one of {string.Join(", ", FieldAudiences.All)} (room-mates: members sharing a room other than the broadcast channel, or a DM); everyone until the member chooses; to those who may not see them both come back null",
        ["listed"] = "false to be left out of the directory's listing and search (room-mates still open the profile); true until the member chooses",
        ["text"] = $"a room's notice: {FieldRules.RoomNotice.Describe()}; a message's: {FieldRules.MessageText.Describe()}; a survey question's: {FieldRules.SurveyQuestion.Describe()}; an answer to a free-text question: {FieldRules.SurveyAnswer.Describe()}",
        ["sendAt"] = "an ISO-8601 time in the future and within a year of now",
        ["openTo"] = $"what the member is open to: any of {string.Join(", ", OpenToKinds.All)} (an empty list for none); shown, and found by the directory's `openTo` filter, to whom the headline is shown (`fieldsVisibleTo`), always to the secretariat",
        ["question"] = $"a poll's question: {FieldRules.PollQuestion.Describe()}; posted in the room as a message of its own (\"📊 \" and the question)",
        ["options"] = $"the choices, 2–10 for a poll and 2–20 for a survey question (none for a free-text one), all different, each {FieldRules.Choice.Describe()}",
        ["multiple"] = "true to let members pick several choices; false (the default) for one",
        ["anonymous"] = "true to keep who chose what from everyone, the creator and the secretariat included: only counts are shown, and each member sees only their own choices (in a survey, not even those: the answers are kept without who gave them, and cannot be changed); false (the default) to show who chose what",
        ["closesAt"] = "an ISO-8601 time in the future and within a year of now, when the poll stops taking votes and sends its final results; left out: open until closed by hand",
        ["clientMsgId"] = "1–64 characters, unique per sender and room: a retried creation with the same one answers the first poll",
        ["choices"] = "indexes of the options (0 first), each once; one for a single-choice question or poll; a poll's vote replaces the member's earlier one",
        ["description"] = FieldRules.SurveyDescription.Describe(),
        ["questions"] = "1–30 questions, each `{kind, text, options}`",
        ["answers"] = "one per question, in order: `{choices}` for a choice question, `{text}` for a free-text one; an empty one skips the question",
    };

    /// <summary>Parameters that mean something else on one route than elsewhere, by the route's path and the parameter's name.</summary>
    public static readonly IReadOnlyDictionary<(string Path, string Name), string> RouteParameters = new Dictionary<(string, string), string>
    {
        [("api/search/messages", "q")] =
            $"what to look for: {FieldRules.MessageSearchQuery.Describe()}, holding at least one letter, digit, kana or kanji",
        [("api/search/messages", "roomId")] = $"keeps one room, which the caller is a member of: {ClientIds.Rule}",
        [("api/search/messages", "from")] = $"keeps one sender's messages, a member's id: {ClientIds.Rule}",
        [("api/search/messages", "before")] = "the `nextBefore` of the page before, as given: the hits older than it",
    };

    /// <summary>Route and query parameters.</summary>
    public static readonly IReadOnlyDictionary<string, string> Parameters = new Dictionary<string, string>
    {
        ["id"] = ClientIds.Rule,
        ["memberId"] = ClientIds.Rule,
        ["meetupId"] = ClientIds.Rule,
        ["pollId"] = ClientIds.Rule,
        ["stampId"] = ClientIds.Rule,
        ["q"] = $"what to look for: {FieldRules.SearchQuery.Describe()}",
        ["cursor"] = "the `nextCursor` of the page before, as given",
        ["limit"] = $"1–{Limits.PageMax} ({Limits.PageDefault} when left out)",
        ["before"] = "a seq (1 or more): the messages before it; in the audit log, an entry's id (its `nextBefore`): the entries before it",
        ["code"] = $"an invitation code as given out; any case, full- or half-width; then {ClientIds.Rule}",
        ["action"] = $"one of {string.Join(", ", AuditActions.All)}",
        ["actor"] = $"a member's id: {ClientIds.Rule}",
        ["after"] = "a seq (0 or more): the messages after it; for a thread's replies, its `nextCursor`",
        ["seq"] = "a message's seq in its room (1 or more)",
        ["days"] = "1–365 (90 when left out)",
        ["openTo"] = $"keeps the members open to any of these kinds ({string.Join(", ", OpenToKinds.All)}), repeated or separated by commas, among those who show it to the caller",
    };
}
