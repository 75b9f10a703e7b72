using Community.Grains.Errors;
using Community.Grains.Text;

namespace Community.Grains.Opportunities;

internal static class OpportunityRules
{
    /// <summary>How far ahead a closing time may be.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(2 * 366);

    public static Opportunity New(string id, OpportunityDraft draft, string postedBy, DateTimeOffset now) =>
        new(id, Kind(draft.Kind ?? throw CommunityException.Invalid("kind", "is required")),
            FieldRules.OpportunityTitle.Check(draft.Title, "title"),
            FieldRules.OpportunityLocation.Check(draft.Location, "location"),
            draft.Remote ?? false,
            FieldRules.OpportunityDescription.Check(draft.Description, "description"),
            FieldRules.OpportunityContact.Check(draft.Contact, "contact"),
            ClosesAt(draft.ClosesAt, now), postedBy, now, ClosedAt: null, InterestCount: 0, AnnouncedSeq: null);

    /// <summary>The fields the draft gives, checked, over the opportunity's own.</summary>
    public static Opportunity Change(Opportunity o, OpportunityDraft draft, DateTimeOffset now) => o with
    {
        Kind = draft.Kind is null ? o.Kind : Kind(draft.Kind),
        Title = draft.Title is null ? o.Title : FieldRules.OpportunityTitle.Check(draft.Title, "title"),
        Location = draft.Location is null ? o.Location : FieldRules.OpportunityLocation.Check(draft.Location, "location"),
        Remote = draft.Remote ?? o.Remote,
        Description = draft.Description is null ? o.Description : FieldRules.OpportunityDescription.Check(draft.Description, "description"),
        Contact = draft.Contact is null ? o.Contact : FieldRules.OpportunityContact.Check(draft.Contact, "contact"),
        ClosesAt = draft.ClosesAt is null ? o.ClosesAt : ClosesAt(draft.ClosesAt, now),
    };

    public static string Note(string? note) => FieldRules.InterestNote.Check(note, "note");

    private static string Kind(string kind) => OpportunityKinds.All.Contains(kind)
        ? kind
        : throw CommunityException.Invalid("kind", $"must be one of {string.Join(", ", OpportunityKinds.All)}");

    private static DateTimeOffset? ClosesAt(DateTimeOffset? closesAt, DateTimeOffset now)
    {
        if (closesAt is not { } at) return null;
        if (at <= now || at > now + Horizon) throw CommunityException.Invalid("closesAt", "must be in the future and within two years of now");
        var utc = at.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
