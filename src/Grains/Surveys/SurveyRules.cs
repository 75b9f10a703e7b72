using Community.Grains.Common;
using Community.Grains.Errors;
using Community.Grains.Text;

namespace Community.Grains.Surveys;

internal static class SurveyRules
{
    public const int MaxQuestions = 30;
    public const int MaxOptions = 20;

    public static Survey New(string id, string createdBy, SurveyDraft draft, DateTimeOffset now)
    {
        var title = FieldRules.SurveyTitle.Check(draft.Title, "title");
        var description = FieldRules.SurveyDescription.Check(draft.Description ?? "", "description");
        var questions = draft.Questions ?? throw CommunityException.Invalid("questions", "is required");
        if (questions.Count is < 1 or > MaxQuestions) throw CommunityException.Invalid("questions", $"must have 1–{MaxQuestions} questions");
        var tags = Check.List(draft.Tags, "tags", FieldRules.ListItem).Distinct(StringComparer.Ordinal).ToArray();
        return new Survey(id, title, description, questions.Select(Question).ToArray(), tags, draft.Anonymous ?? false, createdBy, now, null, null);
    }

    private static SurveyQuestion Question(SurveyQuestionDraft? draft, int i)
    {
        var field = $"questions[{i}]";
        if (draft is null) throw CommunityException.Invalid(field, "is required");
        var kind = Check.OneOf(draft.Kind, $"{field}.kind", SurveyQuestionKinds.All);
        var text = FieldRules.SurveyQuestion.Check(draft.Text, $"{field}.text");
        if (kind == SurveyQuestionKinds.Text)
        {
            if (draft.Options is { Count: > 0 }) throw CommunityException.Invalid($"{field}.options", "a free-text question has no options");
            return new SurveyQuestion(kind, text, []);
        }
        var options = draft.Options ?? throw CommunityException.Invalid($"{field}.options", "is required");
        if (options.Count is < 2 or > MaxOptions) throw CommunityException.Invalid($"{field}.options", $"must have 2–{MaxOptions} choices");
        var checkedOptions = options.Select((o, j) => FieldRules.Choice.Check(o, $"{field}.options[{j}]")).ToArray();
        if (checkedOptions.Distinct(StringComparer.Ordinal).Count() != checkedOptions.Length)
            throw CommunityException.Invalid($"{field}.options", "must be different from each other");
        return new SurveyQuestion(kind, text, checkedOptions);
    }

    /// <summary>One answer per question, in order; each checked against its question.</summary>
    public static IReadOnlyList<SurveyAnswer> Answers(Survey survey, IReadOnlyList<SurveyAnswer?>? answers)
    {
        if (answers is null || answers.Count != survey.Questions.Count)
            throw CommunityException.Invalid("answers", $"must have one answer per question ({survey.Questions.Count})");
        return survey.Questions.Select((q, i) => Answer(q, answers[i], $"answers[{i}]")).ToArray();
    }

    private static SurveyAnswer Answer(SurveyQuestion question, SurveyAnswer? answer, string field)
    {
        if (question.Kind == SurveyQuestionKinds.Text)
        {
            if (answer?.Choices is { Count: > 0 }) throw CommunityException.Invalid($"{field}.choices", "a free-text question takes text");
            return new SurveyAnswer(null, FieldRules.SurveyAnswer.Check(answer?.Text ?? "", $"{field}.text"));
        }
        if (answer?.Text is { Length: > 0 }) throw CommunityException.Invalid($"{field}.text", "a choice question takes choices");
        var choices = answer?.Choices ?? [];
        if (question.Kind == SurveyQuestionKinds.Single && choices.Count > 1) throw CommunityException.Invalid($"{field}.choices", "this question takes one choice");
        if (choices.Any(c => c < 0 || c >= question.Options.Count))
            throw CommunityException.Invalid($"{field}.choices", $"each must be an option's index, 0–{question.Options.Count - 1}");
        if (choices.Distinct().Count() != choices.Count) throw CommunityException.Invalid($"{field}.choices", "must name each choice once");
        return new SurveyAnswer(choices.Order().ToArray(), null);
    }
}
