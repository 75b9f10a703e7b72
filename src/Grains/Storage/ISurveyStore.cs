using Community.Grains.Surveys;

namespace Community.Grains.Storage;

/// <summary>Surveys, who answered them, and their answers; each survey's grain is the only writer of its rows.</summary>
public interface ISurveyStore
{
    Task CreateAsync(Survey survey);

    Task<Survey?> GetAsync(string surveyId);

    /// <summary>Every survey, newest first; only those ever opened when <paramref name="openedOnly"/>.</summary>
    Task<IReadOnlyList<Survey>> ListAsync(bool openedOnly);

    Task SetOpenedAsync(string surveyId, DateTimeOffset at);

    Task SetClosedAsync(string surveyId, DateTimeOffset at);

    /// <summary>The tags of every member a survey may be for: neither suspended nor deleted, with their ids.</summary>
    Task<IReadOnlyList<(string MemberId, IReadOnlyList<string> Tags)>> ListMemberTagsAsync();

    /// <summary>How many members answered each survey, by survey id (surveys nobody answered left out).</summary>
    Task<IReadOnlyDictionary<string, int>> CountRespondentsAsync();

    /// <summary>The ids of the surveys the member answered.</summary>
    Task<IReadOnlySet<string>> AnsweredByAsync(string memberId);

    /// <summary>The member's answers to a named survey, or null when they have none there.</summary>
    Task<IReadOnlyList<SurveyAnswer>?> GetNamedAnswersAsync(string surveyId, string memberId);

    /// <summary>
    /// Records that the member answered and, in the same transaction, their answers: in a named survey under their id,
    /// replacing those they gave before; in an anonymous one under a random id with neither their id nor a time, and
    /// only the first time (false, and nothing written, when they had answered).
    /// </summary>
    Task<bool> SaveAnswersAsync(string surveyId, string memberId, bool anonymous, IReadOnlyList<SurveyAnswer> answers, DateTimeOffset at);

    /// <summary>Every answer sheet of the survey: by member in a named survey; in an anonymous one with no member or time, in no telling order.</summary>
    Task<IReadOnlyList<SurveyAnswerSheet>> ListAnswersAsync(string surveyId);
}

/// <summary>One member's answers to a survey; who and when only in a named survey.</summary>
public sealed record SurveyAnswerSheet(string? MemberId, DateTimeOffset? AnsweredAt, IReadOnlyList<SurveyAnswer> Answers);
