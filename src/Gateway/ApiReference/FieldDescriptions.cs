using System.Globalization;
using Community.Grains.Audit;
using Community.Grains.Common;
using Community.Grains.Members;
using Community.Grains.Meetups;
using Community.Grains.Moderation;
using Community.Grains.NetworkEvents;
using Community.Grains.Opportunities;
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
        ["status"] = $"a member's status line: {FieldRules.Status.Describe()}; an opportunity's, as the server tells it: `open` or `closed`",
        ["formerDepartments"] = ListOfItems,
        ["tags"] = $"{ListOfItems}; a survey's: the members it is for, those with any of these tags (case and width ignored), everyone when empty",
        ["name"] = $"a room's name: {FieldRules.RoomName.Describe()}",
        ["topic"] = FieldRules.Topic.Describe(),
        ["visibility"] = "`public` or `private`",
        ["kind"] = $"a room's: `room` (the default) or `meetup`; an opportunity's: one of {string.Join(", ", OpportunityKinds.All)}; a survey question's: `single` or `multiple` choice, or free `text`",
        ["memberId"] = ClientIds.Rule,
        ["roomId"] = ClientIds.Rule,
        ["seq"] = "a message's seq in its room (1 or more)",
        ["reason"] = FieldRules.ReportReason.Describe(),
        ["minutes"] = "1–43,200 (30 days)",
        ["count"] = "invitations: 1–1,000 (1 when left out); in a meetup's repeat rule: how many dates the series has, 1–1,000, skipped ones included (not with `until`)",
        ["role"] = $"one of {string.Join(", ", MemberRoles.All)} (alumnus when left out)",
        ["expiresInDays"] = "1–365 (30 when left out)",
        // An invitation's note and a report's resolution note follow one rule.
        ["note"] = $"an invitation's or a report resolution's: {FieldRules.InvitationNote.Describe()}; an interest's in an opportunity, for its poster and the secretariat only: {FieldRules.InterestNote.Describe()}",
        ["outcome"] = $"one of {string.Join(", ", ReportResolution.Outcomes)}",
        ["title"] = $"a meetup's: {FieldRules.MeetupTitle.Describe()}; an opportunity's: {FieldRules.OpportunityTitle.Describe()}; a survey's: {FieldRules.SurveyTitle.Describe()}; " +
            $"a network event's (it names the event's room too): {FieldRules.EventTitle.Describe()}",
        ["startsAt"] = "a meetup's: an ISO-8601 time within ten years of now (or give `localStart` and `timeZone` instead); a network event's: an ISO-8601 time in the future and within two years of now",
        ["timeZone"] = "an IANA time zone such as `Asia/Tokyo` or `Europe/London` (UTC when left out): a series keeps its wall-clock time in it across daylight-saving changes",
        ["localStart"] = "the first date's wall-clock time in `timeZone`, `2030-02-01T12:00`, instead of `startsAt`; a time a daylight-saving change skips moves forward by the gap, one it repeats is the earlier",
        ["repeat"] = "makes the meetup a series: `{frequency, interval?, weekdays?, weekOfMonth?, dayOfMonth?, until?, count?}`; its first date is the rule's first on or after the start's date",
        ["frequency"] = $"`{MeetupRepeat.Weekly}` (every `interval` weeks on `weekdays`) or `{MeetupRepeat.Monthly}` (every `interval` months on the `weekOfMonth`th of one weekday, or on `dayOfMonth`)",
        ["interval"] = "every how many weeks (1–52) or months (1–12); 1 when left out",
        ["weekdays"] = $"weekday names ({string.Join(", ", MeetupWeekdays.All)}); weekly: the days (the start's when left out); monthly: the one weekday of `weekOfMonth`",
        ["weekOfMonth"] = "a monthly series on a weekday: 1–4, or -1 for the last (every 2nd Friday: 2 with `weekdays: [friday]`)",
        ["dayOfMonth"] = "a monthly series on a day of the month: 1–31 (a month without that day has no date)",
        ["exceptions"] = "local dates of the series that do not take place (`2030-03-08`), each one of the rule's dates; at most 100",
        ["date"] = "a local date of the series, `2030-03-08`",
        ["durationMinutes"] = "a meetup's: 5–1,440 (60 when left out); a network event's: 5–10,080 (120 when left out)",
        ["capacity"] = $"a network event's places, 1–{EventRules.MaxCapacity:N0} (no limit when left out); those who answer going once every place is taken wait on a list",
        ["invitedTags"] = $"whom a network event is for: members with one of these profile tags (everyone when left out or empty); {ListOfItems}",
        ["memberIds"] = $"the members who attended, by id ({ClientIds.Rule}); replaces what was recorded",
        ["location"] = $"a meetup's: {FieldRules.MeetupLocation.Describe()}; an opportunity's: {FieldRules.OpportunityLocation.Describe()}",
        ["remote"] = "true when the work can be done remotely (false when left out)",
        ["description"] = $"what an opportunity is: {FieldRules.OpportunityDescription.Describe()}; a survey's: {FieldRules.SurveyDescription.Describe()}; a network event's: {FieldRules.EventDescription.Describe()}",
        ["contact"] = $"how to get in touch about it (a name, an address, a link): {FieldRules.OpportunityContact.Describe()}",
        ["closesAt"] = "an opportunity's: an ISO-8601 time in the future and within two years of now, when it closes (open until closed when left out); " +
            "a poll's: an ISO-8601 time in the future and within a year of now, when it stops taking votes and sends its final results (open until closed by hand when left out)",
        ["response"] = $"to a meetup: one of {string.Join(", ", RsvpResponses.All)}; to a network event: one of {string.Join(", ", EventRsvpStatuses.Answers)} (going when every place is taken: waitlisted)",
        ["muted"] = "true to mute the room's notifications for yourself, false to unmute",
        ["until"] = $"a room's notification mute: {Grains.Rooms.RoomNotifications.UntilRule}; in a meetup's repeat rule: the series' last local date, `2031-03-31`, on or after its first (not with `count`); set it to end a series",
        ["messages"] = Departures,
        ["privacy"] = "what the directory shows of the member to others (the member and the secretariat always see it whole); shown only to them",
        ["fieldsVisibleTo"] = $"who sees the headline and current company: one of {string.Join(", ", FieldAudiences.All)} (room-mates: members sharing a room other than the broadcast channel, or a DM); everyone until the member chooses; to those who may not see them both come back null",
        ["listed"] = "false to be left out of the directory's listing and search (room-mates still open the profile); true until the member chooses",
        ["text"] = $"a room's notice: {FieldRules.RoomNotice.Describe()}; a message's: {FieldRules.MessageText.Describe()}; a survey question's: {FieldRules.SurveyQuestion.Describe()}; an answer to a free-text question: {FieldRules.SurveyAnswer.Describe()}",
        ["sendAt"] = "an ISO-8601 time in the future and within a year of now",
        ["address"] = $"an e-mail address (name@example.jp), at most {Grains.Mail.MailRules.AddressMax} characters; empty removes it; shown only to the member and the secretariat, never in the directory",
        ["digests"] = "true (the default) to get an e-mail about unread DMs and mentions after being away a while; false to get none",
        ["broadcastMail"] = "true (the default) to get the secretariat's broadcasts that it sends by e-mail; false to get none",
        ["language"] = $"the e-mails' language: one of {string.Join(", ", Grains.Mail.MailLanguages.All)}; empty (or never set) for Japanese with English below",
        ["openTo"] = $"what the member is open to: any of {string.Join(", ", OpenToKinds.All)} (an empty list for none); shown, and found by the directory's `openTo` filter, to whom the headline is shown (`fieldsVisibleTo`), always to the secretariat",
        ["question"] = $"a poll's question: {FieldRules.PollQuestion.Describe()}; posted in the room as a message of its own (\"📊 \" and the question)",
        ["options"] = $"the choices, 2–10 for a poll and 2–20 for a survey question (none for a free-text one), all different, each {FieldRules.Choice.Describe()}",
        ["multiple"] = "true to let members pick several choices; false (the default) for one",
        ["anonymous"] = "true to keep who chose what from everyone, the creator and the secretariat included: only counts are shown, and each member sees only their own choices (in a survey, not even those: the answers are kept without who gave them, and cannot be changed); false (the default) to show who chose what",
        ["clientMsgId"] = "1–64 characters, unique per sender and room: a retried creation with the same one answers the first poll",
        ["choices"] = "indexes of the options (0 first), each once; one for a single-choice question or poll; a poll's vote replaces the member's earlier one",
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
        [("api/events", "past")] = "true to list the events that have ended too (to record who attended), by start time",
        [("api/opportunities", "kind")] = $"keeps one kind: one of {string.Join(", ", OpportunityKinds.All)}",
        [("api/opportunities", "status")] = "`open` (the default): those still taking interest; `closed`: the archive",
        [("api/opportunities", "remote")] = "true keeps those that can be done remotely",
        [("api/opportunities", "q")] = $"words in the title, location or description, folded as the directory folds: {FieldRules.SearchQuery.Describe()}",
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
        ["messages"] = Departures,
        ["token"] = "the signed token of an unsubscribe link, as the e-mail gave it; a calendar feed's token, as in the address its room's owner made",
        ["pending"] = "true for only the mails not sent yet",
        ["date"] = "a skipped local date of the series, `2030-03-08`",
        ["openTo"] = $"keeps the members open to any of these kinds ({string.Join(", ", OpenToKinds.All)}), repeated or separated by commas, among those who show it to the caller",
    };

    private const string Departures =
        "what becomes of the deleted member's messages: `keep` (the default): they stay, shown as a former member's; " +
        "`erase`: each becomes a deleted message (its seq stays, its text, stamp and reactions go), as if they had deleted it; " +
        "either way the member leaves every room (a DM stays, for the other member to read)";
}
