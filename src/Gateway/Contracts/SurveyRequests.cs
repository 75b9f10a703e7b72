using Community.Grains.Surveys;

namespace Community.Gateway.Contracts;

/// <summary>A member's answers to a survey, one per question in order.</summary>
public sealed record SurveyAnswersRequest(SurveyAnswer?[]? Answers);
