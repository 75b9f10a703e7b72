namespace Community.Grains.Surveys;

/// <summary>Who a survey is for: members with any of its tags, or every member when it has none.</summary>
public static class SurveyTargets
{
    public static bool Includes(Survey survey, IReadOnlyList<string> memberTags) =>
        survey.Tags.Count == 0 || survey.Tags.Any(t => memberTags.Contains(t, TagComparer.Instance));

    /// <summary>How many of <paramref name="members"/> (each with their tags) the survey is for.</summary>
    public static int Count(Survey survey, IReadOnlyList<IReadOnlyList<string>> members) => members.Count(tags => Includes(survey, tags));
}
