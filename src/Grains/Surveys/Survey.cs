namespace Community.Grains.Surveys;

/// <summary>
/// The secretariat's survey: questions, the members it is for (those with any of <see cref="Tags"/>, or everyone when
/// there are none), and whether answers are kept without who gave them. A draft until opened; answered while open.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Survey(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] IReadOnlyList<SurveyQuestion> Questions,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] bool Anonymous,
    [property: Id(6)] string CreatedBy,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset? OpenedAt,
    [property: Id(9)] DateTimeOffset? ClosedAt)
{
    public string Status => ClosedAt is not null ? SurveyStatuses.Closed : OpenedAt is not null ? SurveyStatuses.Open : SurveyStatuses.Draft;
}

/// <summary>One question: <c>single</c> or <c>multiple</c> choice among <see cref="Options"/>, or free <c>text</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record SurveyQuestion(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Text,
    [property: Id(2)] IReadOnlyList<string> Options);

/// <summary>A member's answer to one question: the indexes chosen, or the text written; an empty one skips the question.</summary>
[GenerateSerializer, Immutable]
public sealed record SurveyAnswer(
    [property: Id(0)] IReadOnlyList<int>? Choices,
    [property: Id(1)] string? Text);

public static class SurveyQuestionKinds
{
    public const string Single = "single";
    public const string Multiple = "multiple";
    public const string Text = "text";

    public static readonly string[] All = [Single, Multiple, Text];
}

public static class SurveyStatuses
{
    public const string Draft = "draft";
    public const string Open = "open";
    public const string Closed = "closed";
}
