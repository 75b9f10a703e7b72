using Community.Grains.Common;
using Community.Grains.Storage;
using Community.Grains.Surveys;
using Dapper;

namespace Community.Silo.Storage;

/// <summary>Surveys, their respondents and their answers.</summary>
internal sealed class SurveyStore(IDbConnectionFactory database) : ISurveyStore
{
    public async Task CreateAsync(Survey s)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO surveys (id, title, description, questions, tags, anonymous, created_by, created_at)
            VALUES (@Id, @Title, @Description, @questions, @tags, @Anonymous, @CreatedBy, @createdAt)
            """,
            new
            {
                s.Id, s.Title, s.Description, questions = SurveyJson.Of(s.Questions), tags = StoredValues.List(s.Tags), s.Anonymous, s.CreatedBy,
                createdAt = StoredValues.Time(s.CreatedAt),
            });
    }

    public async Task<Survey?> GetAsync(string surveyId)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QuerySingleOrDefaultAsync<SurveyRow>($"SELECT {SurveyRow.Columns} FROM surveys WHERE id = @surveyId", new { surveyId }))?.ToSurvey();
    }

    public async Task<IReadOnlyList<Survey>> ListAsync(bool openedOnly)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<SurveyRow>(
            $"SELECT {SurveyRow.Columns} FROM surveys WHERE (NOT @openedOnly OR opened_at IS NOT NULL) ORDER BY created_at DESC, id", new { openedOnly });
        return rows.Select(r => r.ToSurvey()).ToArray();
    }

    public async Task SetOpenedAsync(string surveyId, DateTimeOffset at)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("UPDATE surveys SET opened_at = @at WHERE id = @surveyId", new { surveyId, at = StoredValues.Time(at) });
    }

    public async Task SetClosedAsync(string surveyId, DateTimeOffset at)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("UPDATE surveys SET closed_at = @at WHERE id = @surveyId", new { surveyId, at = StoredValues.Time(at) });
    }

    public async Task<IReadOnlyList<(string MemberId, IReadOnlyList<string> Tags)>> ListMemberTagsAsync()
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string Id, string Tags)>("SELECT id, tags FROM members WHERE NOT suspended AND NOT former");
        return rows.Select(r => (r.Id, StoredValues.List(r.Tags))).ToArray();
    }

    public async Task<IReadOnlyDictionary<string, int>> CountRespondentsAsync()
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string SurveyId, long Count)>("SELECT survey_id, COUNT(*) FROM survey_respondents GROUP BY survey_id");
        return rows.ToDictionary(r => r.SurveyId, r => (int)r.Count);
    }

    public async Task<IReadOnlySet<string>> AnsweredByAsync(string memberId)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT survey_id FROM survey_respondents WHERE member_id = @memberId", new { memberId }))
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<SurveyAnswer>?> GetNamedAnswersAsync(string surveyId, string memberId)
    {
        await using var connection = await database.OpenAsync();
        var json = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT answers FROM survey_answers WHERE survey_id = @surveyId AND member_id = @memberId", new { surveyId, memberId });
        return json is null ? null : SurveyJson.Answers(json);
    }

    public async Task<bool> SaveAnswersAsync(string surveyId, string memberId, bool anonymous, IReadOnlyList<SurveyAnswer> answers, DateTimeOffset at)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var first = await connection.ExecuteAsync(
            "INSERT INTO survey_respondents (survey_id, member_id) VALUES (@surveyId, @memberId) ON CONFLICT (survey_id, member_id) DO NOTHING",
            new { surveyId, memberId }, transaction) == 1;
        if (anonymous && !first) return false;
        await connection.ExecuteAsync(
            """
            INSERT INTO survey_answers (id, survey_id, member_id, answers, answered_at) VALUES (@id, @surveyId, @member, @answers, @at)
            ON CONFLICT (survey_id, member_id) DO UPDATE SET answers = excluded.answers, answered_at = excluded.answered_at
            """,
            new
            {
                id = "sa_" + Ids.Random(20), surveyId, member = anonymous ? null : memberId, answers = SurveyJson.Of(answers),
                at = anonymous ? null : StoredValues.Time((DateTimeOffset?)at),
            }, transaction);
        await transaction.CommitAsync();
        return true;
    }

    public async Task<IReadOnlyList<SurveyAnswerSheet>> ListAnswersAsync(string surveyId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string? MemberId, long? AnsweredAt, string Answers)>(
            "SELECT member_id, answered_at, answers FROM survey_answers WHERE survey_id = @surveyId ORDER BY answered_at, member_id, id", new { surveyId });
        return rows.Select(r => new SurveyAnswerSheet(r.MemberId, StoredValues.Time(r.AnsweredAt), SurveyJson.Answers(r.Answers))).ToArray();
    }
}
