using Community.Grains.Conversations;

namespace Community.Grains.Surveys;

/// <summary>One survey: the only writer of it and of its answers. Keyed by survey id.</summary>
public interface ISurveyGrain : IGrainWithStringKey
{
    /// <summary>Writes a new survey as a draft; the secretariat only.</summary>
    Task<SurveyAdminView> CreateAsync(Actor actor, SurveyDraft draft);

    /// <summary>The survey with its response rate; the secretariat only.</summary>
    Task<SurveyAdminView> GetAdminAsync(Actor actor);

    /// <summary>Opens a draft to answers and tells every member it is for (<c>surveyOpened</c>); opening it again is a no-op.</summary>
    Task<SurveyAdminView> OpenAsync(Actor actor);

    /// <summary>Stops taking answers; closing it again is a no-op.</summary>
    Task<SurveyAdminView> CloseAsync(Actor actor);

    /// <summary>The survey as a member it is for sees it; <c>not_found</c> for a draft or for a member it is not for.</summary>
    Task<SurveyMemberView> GetForMemberAsync(Actor actor);

    /// <summary>
    /// Records the member's answers, one per question; in a named survey they may answer again until it closes, in an
    /// anonymous one once (<c>conflict</c> after). <c>conflict</c> when not open.
    /// </summary>
    Task<SurveyMemberView> AnswerAsync(Actor actor, IReadOnlyList<SurveyAnswer?>? answers);
}
