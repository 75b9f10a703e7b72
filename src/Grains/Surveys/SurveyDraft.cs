namespace Community.Grains.Surveys;

/// <summary>A survey as the secretariat writes it.</summary>
[GenerateSerializer, Immutable]
public sealed record SurveyDraft(
    [property: Id(0)] string? Title,
    [property: Id(1)] string? Description,
    [property: Id(2)] IReadOnlyList<SurveyQuestionDraft?>? Questions,
    [property: Id(3)] IReadOnlyList<string?>? Tags,
    [property: Id(4)] bool? Anonymous);

[GenerateSerializer, Immutable]
public sealed record SurveyQuestionDraft(
    [property: Id(0)] string? Kind,
    [property: Id(1)] string? Text,
    [property: Id(2)] IReadOnlyList<string?>? Options);
