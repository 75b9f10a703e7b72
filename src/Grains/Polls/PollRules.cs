using Community.Grains.Errors;
using Community.Grains.Text;

namespace Community.Grains.Polls;

internal static class PollRules
{
    public const int MinOptions = 2;
    public const int MaxOptions = 10;

    /// <summary>How far ahead a poll may be set to close.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(366);

    /// <summary>The poll a draft asks for, its seq still to come from the room.</summary>
    public static Poll New(string id, string roomId, string createdBy, PollDraft draft, DateTimeOffset now)
    {
        var question = FieldRules.PollQuestion.Check(draft.Question, "question");
        var options = draft.Options ?? throw CommunityException.Invalid("options", "is required");
        if (options.Count is < MinOptions or > MaxOptions)
            throw CommunityException.Invalid("options", $"must have {MinOptions}–{MaxOptions} choices");
        var checkedOptions = options.Select((o, i) => FieldRules.Choice.Check(o, $"options[{i}]")).ToArray();
        if (checkedOptions.Distinct(StringComparer.Ordinal).Count() != checkedOptions.Length)
            throw CommunityException.Invalid("options", "must be different from each other");
        if (draft.ClosesAt is { } closes && (closes <= now || closes > now + Horizon))
            throw CommunityException.Invalid("closesAt", "must be in the future and within a year of now");
        var closesAt = draft.ClosesAt?.ToUniversalTime();
        if (closesAt is { } c) closesAt = c.AddTicks(-(c.Ticks % TimeSpan.TicksPerMillisecond));
        return new Poll(id, roomId, 0, createdBy, question, checkedOptions, draft.Multiple ?? false, draft.Anonymous ?? false, closesAt, null, now);
    }

    /// <summary>The choices of a vote: indexes of the poll's options, one for a single-choice poll, each at most once.</summary>
    public static IReadOnlyList<int> Choices(Poll poll, IReadOnlyList<int>? choices)
    {
        if (choices is null || choices.Count == 0) throw CommunityException.Invalid("choices", "must name at least one choice");
        if (!poll.Multiple && choices.Count > 1) throw CommunityException.Invalid("choices", "this poll takes one choice");
        if (choices.Any(c => c < 0 || c >= poll.Options.Count))
            throw CommunityException.Invalid("choices", $"each must be an option's index, 0–{poll.Options.Count - 1}");
        if (choices.Distinct().Count() != choices.Count) throw CommunityException.Invalid("choices", "must name each choice once");
        return choices.Order().ToArray();
    }
}
