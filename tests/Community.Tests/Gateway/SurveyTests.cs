using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Community.Silo.Storage;
using Community.Tests.Support;

namespace Community.Tests.Gateway;

/// <summary>
/// The secretariat's surveys: for members with given tags only, answered once (changed while open in a named
/// survey), the response rate, and the answers as CSV; an anonymous survey's CSV and routes never say who answered.
/// </summary>
[Collection(MembersNode.Name)]
public sealed class SurveyTests(MembersNodeFixture fixture)
{
    private static readonly object[] Questions =
    [
        new { kind = "single", text = "満足度は？", options = new[] { "満足", "不満" } },
        new { kind = "multiple", text = "Interests", options = new[] { "Jobs", "Projects", "Reunions" } },
        new { kind = "text", text = "ご意見, \"自由に\"" },
    ];

    [Fact]
    public async Task A_survey_to_one_tag_is_seen_and_answered_only_by_members_with_that_tag()
    {
        var tag = $"osaka-{Steps.Tag()}";
        var tagged = await MemberWithTagsAsync(tag.ToUpperInvariant());
        var other = await MemberWithTagsAsync("tokyo");
        await using var taggedHub = await fixture.Node.ConnectAsync(tagged);
        await using var otherHub = await fixture.Node.ConnectAsync(other);
        var survey = await CreateAsync(new { title = "大阪の集い", questions = Questions, tags = new[] { tag } });

        await OpenAsync(survey);

        var heard = await taggedHub.WaitForEventAsync("surveyOpened", e => e.Str("surveyId") == survey);
        Assert.Equal("大阪の集い", heard.Str("title"));
        Assert.Contains(survey, (await tagged.GetAsync("/api/surveys")).Items().Select(s => s.Str("id")));
        Assert.DoesNotContain(survey, (await other.GetAsync("/api/surveys")).Items().Select(s => s.Str("id")));
        await (await other.Http.GetAsync($"/api/surveys/{survey}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await AnswerAsync(other, survey, Answers(0, [0], "x"))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Empty(Steps.EventsOf(otherHub, "surveyOpened", e => e.Str("surveyId") == survey));
        await (await AnswerAsync(tagged, survey, Answers(0, [0], "ok"))).ReadJsonAsync();
        Assert.Equal(1, (await Admin($"/api/admin/surveys/{survey}")).GetProperty("answered").GetInt32());
    }

    [Fact]
    public async Task The_response_rate_grows_as_members_answer_and_a_named_answer_may_change_until_the_survey_closes()
    {
        var tag = $"rate-{Steps.Tag()}";
        var members = new[] { await MemberWithTagsAsync(tag), await MemberWithTagsAsync(tag), await MemberWithTagsAsync(tag) };
        var survey = await CreateAsync(new { title = "Rate", questions = Questions, tags = new[] { tag } });
        await (await AnswerAsync(members[0], survey, Answers(0, [], ""))).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await OpenAsync(survey);

        var rates = new List<(int, int)> { Rate(await Admin($"/api/admin/surveys/{survey}")) };
        foreach (var member in members.Take(2))
        {
            await (await AnswerAsync(member, survey, Answers(1, [2], "first"))).ReadJsonAsync();
            rates.Add(Rate(await Admin($"/api/admin/surveys/{survey}")));
        }
        var changed = await (await AnswerAsync(members[0], survey, Answers(0, [0, 1], "second"))).ReadJsonAsync();
        await (await fixture.Secretariat.Http.PostAsync($"/api/admin/surveys/{survey}/close", null)).ReadJsonAsync();

        Assert.Equal([(3, 0), (3, 1), (3, 2)], rates);
        Assert.Equal((3, 2), Rate(Assert.Single((await Admin("/api/admin/surveys")).Items(), s => s.Str("id") == survey)));
        Assert.Equal("second", changed.GetProperty("myAnswers")[2].Str("text"));
        await (await AnswerAsync(members[2], survey, Answers(0, [], ""))).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        await (await members[0].Http.GetAsync($"/api/admin/surveys/{survey}")).AssertForbiddenAsync();
    }

    [Fact]
    public async Task The_answers_download_as_csv_with_a_byte_order_mark_and_rfc_4180_quoting()
    {
        var tag = $"csv-{Steps.Tag()}";
        var (first, second) = (await MemberWithTagsAsync(tag), await MemberWithTagsAsync(tag));
        var survey = await CreateAsync(new { title = "CSV", questions = Questions, tags = new[] { tag } });
        await OpenAsync(survey);
        await (await AnswerAsync(first, survey, Answers(0, [0, 2], "よい, とても\n\"本当に\""))).ReadJsonAsync();
        await (await AnswerAsync(second, survey, Answers(1, [], ""))).ReadJsonAsync();

        var response = await fixture.Secretariat.Http.GetAsync($"/api/admin/surveys/{survey}/answers.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(["memberId", "handle", "displayName", "answeredAt", "満足度は？", "Interests", "ご意見, \"自由に\""], rows[0]);
        var byMember = rows.Skip(1).ToDictionary(r => r[0]);
        Assert.Equal(2, byMember.Count);
        Assert.Equal([first.Id, first.Handle], byMember[first.Id][..2]);
        Assert.Equal(["満足", "Jobs; Reunions", "よい, とても\n\"本当に\""], byMember[first.Id][4..]);
        Assert.Equal(["不満", "", ""], byMember[second.Id][4..]);
    }

    [Fact]
    public async Task An_anonymous_surveys_csv_has_no_member_columns_and_no_route_says_who_answered()
    {
        var tag = $"anon-{Steps.Tag()}";
        var (first, second) = (await MemberWithTagsAsync(tag), await MemberWithTagsAsync(tag));
        var survey = await CreateAsync(new { title = "Anonymous", questions = Questions, tags = new[] { tag }, anonymous = true });
        await OpenAsync(survey);

        var answered = await (await AnswerAsync(first, survey, Answers(1, [1], "本音"))).ReadJsonAsync();
        await (await AnswerAsync(second, survey, Answers(0, [0], "建前"))).ReadJsonAsync();

        Assert.True(answered.GetProperty("answered").GetBoolean());
        Assert.False(answered.TryGetProperty("myAnswers", out _));
        await (await AnswerAsync(first, survey, Answers(0, [0], "again"))).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var csv = await (await fixture.Secretariat.Http.GetAsync($"/api/admin/surveys/{survey}/answers.csv")).Content.ReadAsByteArrayAsync();
        var rows = Csv.Parse(Encoding.UTF8.GetString(csv[3..]));
        Assert.Equal(["満足度は？", "Interests", "ご意見, \"自由に\""], rows[0]);
        Assert.Equal([["満足", "Jobs", "建前"], ["不満", "Projects", "本音"]], rows.Skip(1).OrderBy(r => r[2], StringComparer.Ordinal).Select(r => r.ToArray()).ToArray());
        var everything = Encoding.UTF8.GetString(csv) + (await Admin($"/api/admin/surveys/{survey}")).GetRawText() + (await Admin("/api/admin/surveys")).GetRawText();
        Assert.DoesNotContain(first.Id, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Handle, everything, StringComparison.Ordinal);
        Assert.Equal(2, (await Admin($"/api/admin/surveys/{survey}")).GetProperty("answered").GetInt32());
        Assert.Equal([(null, null), (null, null)], await StoredAnswersAsync(survey));
    }

    /// <summary>Who and when of each stored answer sheet of the survey, read from the database itself.</summary>
    private async Task<List<(string?, long?)>> StoredAnswersAsync(string survey)
    {
        await using var connection = await fixture.Node.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT member_id, answered_at FROM survey_answers WHERE survey_id = @survey";
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("survey", survey);
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string?, long?)>();
        while (await reader.ReadAsync())
            rows.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)));
        return rows;
    }

    private async Task<TestMember> MemberWithTagsAsync(params string[] tags)
    {
        var member = await fixture.NewMemberAsync();
        await (await member.Http.PatchJsonAsync("/api/me/profile", new { tags })).ReadJsonAsync();
        return member;
    }

    private async Task<string> CreateAsync(object draft) =>
        (await (await fixture.Secretariat.Http.PostJsonAsync("/api/admin/surveys", draft)).ReadJsonAsync(HttpStatusCode.Created)).Str("id");

    private async Task OpenAsync(string survey) =>
        await (await fixture.Secretariat.Http.PostAsync($"/api/admin/surveys/{survey}/open", null)).ReadJsonAsync();

    private Task<JsonElement> Admin(string path) => fixture.Secretariat.GetAsync(path);

    private static Task<HttpResponseMessage> AnswerAsync(TestMember member, string survey, object[] answers) =>
        member.Http.PutAsJsonAsync($"/api/surveys/{survey}/answers", new { answers });

    private static object[] Answers(int single, int[] multiple, string text) =>
        [new { choices = new[] { single } }, new { choices = multiple }, new { text }];

    private static (int Targeted, int Answered) Rate(JsonElement survey) =>
        (survey.GetProperty("targeted").GetInt32(), survey.GetProperty("answered").GetInt32());
}
