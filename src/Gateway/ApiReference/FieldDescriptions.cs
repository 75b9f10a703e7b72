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
        ["tags"] = ListOfItems,
        ["name"] = $"a room's name: {FieldRules.RoomName.Describe()}",
        ["topic"] = FieldRules.Topic.Describe(),
        ["visibility"] = "`public` or `private`",
        ["kind"] = $"a room's: `room` (the default) or `meetup`; an opportunity's: one of {string.Join(", ", OpportunityKinds.All)}",
        ["memberId"] = ClientIds.Rule,
        ["roomId"] = ClientIds.Rule,
        ["seq"] = "a message's seq in its room (1 or more)",
        ["reason"] = FieldRules.ReportReason.Describe(),
        ["minutes"] = "1–43,200 (30 days)",
        ["count"] = "1–1,000 (1 when left out)",
        ["role"] = $"one of {string.Join(", ", MemberRoles.All)} (alumnus when left out)",
        ["expiresInDays"] = "1–365 (30 when left out)",
        // An invitation's note and a report's resolution note follow one rule.
        ["note"] = $"an invitation's or a report resolution's: {FieldRules.InvitationNote.Describe()}; an interest's in an opportunity, for its poster and the secretariat only: {FieldRules.InterestNote.Describe()}",
        ["outcome"] = $"one of {string.Join(", ", ReportResolution.Outcomes)}",
        ["title"] = $"a meetup's: {FieldRules.MeetupTitle.Describe()}; an opportunity's: {FieldRules.OpportunityTitle.Describe()}; " +
            $"a network event's (it names the event's room too): {FieldRules.EventTitle.Describe()}",
        ["startsAt"] = "a meetup's: an ISO-8601 time within ten years of now; a network event's: an ISO-8601 time in the future and within two years of now",
        ["durationMinutes"] = "a meetup's: 5–1,440 (60 when left out); a network event's: 5–10,080 (120 when left out)",
        ["capacity"] = $"a network event's places, 1–{EventRules.MaxCapacity:N0} (no limit when left out); those who answer going once every place is taken wait on a list",
        ["invitedTags"] = $"whom a network event is for: members with one of these profile tags (everyone when left out or empty); {ListOfItems}",
        ["memberIds"] = $"the members who attended, by id ({ClientIds.Rule}); replaces what was recorded",
        ["location"] = $"a meetup's: {FieldRules.MeetupLocation.Describe()}; an opportunity's: {FieldRules.OpportunityLocation.Describe()}",
        ["remote"] = "true when the work can be done remotely (false when left out)",
        ["description"] = $"what an opportunity is: {FieldRules.OpportunityDescription.Describe()}; a network event's: {FieldRules.EventDescription.Describe()}",
        ["contact"] = $"how to get in touch about it (a name, an address, a link): {FieldRules.OpportunityContact.Describe()}",
        ["closesAt"] = "an ISO-8601 time in the future and within two years of now; the opportunity closes then (open until closed when left out)",
        ["response"] = $"to a meetup: one of {string.Join(", ", RsvpResponses.All)}; to a network event: one of {string.Join(", ", EventRsvpStatuses.Answers)} (going when every place is taken: waitlisted)",
        ["muted"] = "true to mute the room's notifications for yourself, false to unmute",
        ["until"] = Grains.Rooms.RoomNotifications.UntilRule,
        ["messages"] = Departures,
        ["privacy"] = "what the directory shows of the member to others (the member and the secretariat always see it whole); shown only to them",
        ["fieldsVisibleTo"] = $"who sees the headline and current company: one of {string.Join(", ", FieldAudiences.All)} (room-mates: members sharing a room other than the broadcast channel, or a DM); everyone until the member chooses; to those who may not see them both come back null",
        ["listed"] = "false to be left out of the directory's listing and search (room-mates still open the profile); true until the member chooses",
        ["text"] = $"a room's notice: {FieldRules.RoomNotice.Describe()}; a message's: {FieldRules.MessageText.Describe()}",
        ["sendAt"] = "an ISO-8601 time in the future and within a year of now",
    };

    /// <summary>Parameters that mean something else on one route than elsewhere, by the route's path and the parameter's name.</summary>
    public static readonly IReadOnlyDictionary<(string Path, string Name), string> RouteParameters = new Dictionary<(string, string), string>
    {
        [("api/search/messages", "q")] =
            $"what to look for: {FieldRules.MessageSearchQuery.Describe()}, holding at least one letter, digit, kana or kanji",
        [("api/search/messages", "roomId")] = $"keeps one room, which the caller is a member of: {ClientIds.Rule}",
        [("api/search/messages", "from")] = $"keeps one sender's messages, a member's id: {ClientIds.Rule}",
        [("api/search/messages", "before")] = "the `nextBefore` of the page before, as given: the hits older than it",
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
    };

    private const string Departures =
        "what becomes of the deleted member's messages: `keep` (the default): they stay, shown as a former member's; " +
        "`erase`: each becomes a deleted message (its seq stays, its text, stamp and reactions go), as if they had deleted it; " +
        "either way the member leaves every room (a DM stays, for the other member to read)";
}
