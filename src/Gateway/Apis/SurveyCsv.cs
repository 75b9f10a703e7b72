using System.Globalization;
using System.Text;
using Community.Grains.Members;
using Community.Grains.Storage;
using Community.Grains.Surveys;

namespace Community.Gateway.Apis;

/// <summary>
/// A survey's answers as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a quote or a line
/// break, quotes doubled), UTF-8 with a byte order mark so that spreadsheet programs read Japanese right. A named
/// survey's rows start with who answered and when; an anonymous survey's have only the answers.
/// </summary>
internal static class SurveyCsv
{
    /// <summary>Several choices of one answer, in one field.</summary>
    private const string ChoiceSeparator = "; ";

    public static byte[] Of(Survey survey, IReadOnlyList<SurveyAnswerSheet> sheets, IReadOnlyDictionary<string, MemberProfile> members)
    {
        var csv = new StringBuilder();
        string[] who = survey.Anonymous ? [] : ["memberId", "handle", "displayName", "answeredAt"];
        Row(csv, [.. who, .. survey.Questions.Select(q => q.Text)]);
        foreach (var sheet in sheets)
        {
            var member = sheet.MemberId is null ? null : members.GetValueOrDefault(sheet.MemberId);
            string[] whoValues = survey.Anonymous ? [] :
            [
                sheet.MemberId ?? "", member?.Handle ?? "", member?.DisplayName ?? "",
                sheet.AnsweredAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "",
            ];
            Row(csv, [.. whoValues, .. survey.Questions.Select((q, i) => i < sheet.Answers.Count ? AnswerText(q, sheet.Answers[i]) : "")]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string AnswerText(SurveyQuestion question, SurveyAnswer answer) =>
        question.Kind == SurveyQuestionKinds.Text
            ? answer.Text ?? ""
            : string.Join(ChoiceSeparator, (answer.Choices ?? []).Where(c => c >= 0 && c < question.Options.Count).Select(c => question.Options[c]));

    private static void Row(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.Append(string.Join(',', fields.Select(Field)));
        csv.Append("\r\n");
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
