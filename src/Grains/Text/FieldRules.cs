using Community.Grains.Common;

namespace Community.Grains.Text;

/// <summary>
/// The rule of every free-text field of the API, in one place: the grains and the gateway check
/// with these, the API reference names them, and the start-up check reads stored data against them.
/// </summary>
public static class FieldRules
{
    public static readonly TextRule DisplayName = TextRule.Name(1, Limits.DisplayNameMax);
    public static readonly TextRule Headline = TextRule.Line(0, Limits.HeadlineMax);
    public static readonly TextRule Bio = TextRule.Text(0, Limits.BioMax);
    public static readonly TextRule CurrentCompany = TextRule.Line(0, Limits.CompanyMax);
    public static readonly TextRule Status = TextRule.Line(0, Limits.StatusMax);

    /// <summary>One former department or tag of a profile (at most <see cref="Limits.ListItems"/> of each).</summary>
    public static readonly TextRule ListItem = TextRule.Line(1, Limits.ListItemMax);

    public static readonly TextRule RoomName = TextRule.Name(1, Limits.RoomNameMax);
    public static readonly TextRule Topic = TextRule.Line(0, Limits.TopicMax);

    /// <summary>A room's notice, shown at the top of the room: a few lines (a meetup's place and time, the room's rules).</summary>
    public static readonly TextRule RoomNotice = TextRule.Text(1, Limits.NoticeMax);
    public static readonly TextRule MessageText = TextRule.Text(1, Limits.TextMax);
    public static readonly TextRule MeetupTitle = TextRule.Line(1, 120);
    public static readonly TextRule MeetupLocation = TextRule.Line(0, 200);
    public static readonly TextRule ReportReason = TextRule.Line(1, 1000);
    public static readonly TextRule InvitationNote = TextRule.Line(0, 500);

    /// <summary>A network event's title, which also names its room: a room name's rule.</summary>
    public static readonly TextRule EventTitle = RoomName;
    public static readonly TextRule EventDescription = TextRule.Text(0, 4000);
    public static readonly TextRule OpportunityTitle = TextRule.Line(1, 120);
    public static readonly TextRule OpportunityLocation = TextRule.Line(0, 200);
    public static readonly TextRule OpportunityDescription = TextRule.Text(1, 4000);

    /// <summary>How to get in touch about an opportunity: a name, an address, a link.</summary>
    public static readonly TextRule OpportunityContact = TextRule.Line(0, 300);

    /// <summary>A member's note with their interest in an opportunity, for the poster and the secretariat.</summary>
    public static readonly TextRule InterestNote = TextRule.Text(0, 1000);

    /// <summary>The secretariat's note on how a report was resolved: a <c>note</c> as an invitation's is, one rule per field name.</summary>
    public static readonly TextRule ResolutionNote = InvitationNote;

    /// <summary>The device a session signed in from, as the server names it from the User-Agent (never a client's own text).</summary>
    public static readonly TextRule SessionDevice = TextRule.Name(1, 64);
    public static readonly TextRule StampPackName = TextRule.Name(1, 80);

    /// <summary>A stamp's label, from its file's name (a number when it has none).</summary>
    public static readonly TextRule StampLabel = TextRule.Name(0, 80);

    /// <summary>What a directory or room search looks for.</summary>
    public static readonly TextRule SearchQuery = TextRule.Line(0, 100);

    /// <summary>What a message search looks for: two characters at least (「渋谷」), so that a search says something.</summary>
    public static readonly TextRule MessageSearchQuery = TextRule.Line(2, 100);

    public static readonly TextRule PollQuestion = TextRule.Line(1, 300);

    /// <summary>One choice of a poll or of a survey's question.</summary>
    public static readonly TextRule Choice = TextRule.Line(1, 100);

    public static readonly TextRule SurveyTitle = TextRule.Line(1, 120);
    public static readonly TextRule SurveyDescription = TextRule.Text(0, 2000);
    public static readonly TextRule SurveyQuestion = TextRule.Line(1, 300);

    /// <summary>A member's answer to a survey's free-text question.</summary>
    public static readonly TextRule SurveyAnswer = TextRule.Text(0, 2000);
}
