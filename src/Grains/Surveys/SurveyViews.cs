using System.Text.Json.Serialization;

namespace Community.Grains.Surveys;

/// <summary>A survey as the secretariat sees it: with how many members it is for and how many answered.</summary>
[GenerateSerializer, Immutable]
public sealed record SurveyAdminView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] IReadOnlyList<SurveyQuestion> Questions,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] bool Anonymous,
    [property: Id(6)] string Status,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset? OpenedAt,
    [property: Id(9)] DateTimeOffset? ClosedAt,
    [property: Id(10)] int Targeted,
    [property: Id(11)] int Answered)
{
    public static SurveyAdminView Of(Survey s, int targeted, int answered) =>
        new(s.Id, s.Title, s.Description, s.Questions, s.Tags, s.Anonymous, s.Status, s.CreatedAt, s.OpenedAt, s.ClosedAt, targeted, answered);
}

/// <summary>
/// A survey as a member it is for sees it: whether they answered, and in a named survey what (an anonymous survey's
/// answers are kept apart from who gave them, so they cannot be shown back, nor changed).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SurveyMemberView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] IReadOnlyList<SurveyQuestion> Questions,
    [property: Id(4)] bool Anonymous,
    [property: Id(5)] string Status,
    [property: Id(6)] DateTimeOffset? OpenedAt,
    [property: Id(7)] DateTimeOffset? ClosedAt,
    [property: Id(8)] bool Answered,
    [property: Id(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SurveyAnswer>? MyAnswers)
{
    public static SurveyMemberView Of(Survey s, bool answered, IReadOnlyList<SurveyAnswer>? mine) =>
        new(s.Id, s.Title, s.Description, s.Questions, s.Anonymous, s.Status, s.OpenedAt, s.ClosedAt, answered, s.Anonymous ? null : mine);
}

/// <summary>The <c>surveyOpened</c> event: a survey for the member is open to answer.</summary>
public sealed record SurveyOpenedPayload(string SurveyId, string Title);
