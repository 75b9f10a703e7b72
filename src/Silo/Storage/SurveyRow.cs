using System.Text.Json;
using Community.Grains.Surveys;

namespace Community.Silo.Storage;

/// <summary>A <c>surveys</c> row as read.</summary>
internal sealed class SurveyRow
{
    public const string Columns = "id, title, description, questions, tags, anonymous, created_by, created_at, opened_at, closed_at";

    public string id { get; set; } = "";
    public string title { get; set; } = "";
    public string description { get; set; } = "";
    public string questions { get; set; } = "[]";
    public string tags { get; set; } = "[]";
    public bool anonymous { get; set; }
    public string created_by { get; set; } = "";
    public long created_at { get; set; }
    public long? opened_at { get; set; }
    public long? closed_at { get; set; }

    public Survey ToSurvey() => new(id, title, description, SurveyJson.Questions(questions), StoredValues.List(tags), anonymous, created_by,
        StoredValues.Time(created_at), StoredValues.Time(opened_at), StoredValues.Time(closed_at));
}

/// <summary>How a survey's questions and a member's answers are kept in a column: JSON.</summary>
internal static class SurveyJson
{
    public static string Of<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    public static IReadOnlyList<SurveyQuestion> Questions(string json) => JsonSerializer.Deserialize<SurveyQuestion[]>(json, JsonSerializerOptions.Web) ?? [];

    public static IReadOnlyList<SurveyAnswer> Answers(string json) => JsonSerializer.Deserialize<SurveyAnswer[]>(json, JsonSerializerOptions.Web) ?? [];
}
