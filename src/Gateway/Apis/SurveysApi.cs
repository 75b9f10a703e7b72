using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Common;
using Community.Grains.Errors;
using Community.Grains.Members;
using Community.Grains.Storage;
using Community.Grains.Surveys;
using Community.Grains.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

/// <summary>
/// Surveys: the secretariat writes, opens and closes them, watches the response rate and downloads the answers as CSV;
/// members they are for list and answer them. A member a survey is not for gets <c>not_found</c>, as for no survey.
/// </summary>
public static class SurveysApi
{
    public static RouteGroupBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/surveys").RequireAuthorization(AuthPolicies.Secretariat);
        admin.MapPost("/", CreateSurveyAsync);
        admin.MapGet("/", ListAdminSurveysAsync);
        admin.MapGet("/{id}", GetAdminSurveyAsync);
        admin.MapPost("/{id}/open", OpenSurveyAsync);
        admin.MapPost("/{id}/close", CloseSurveyAsync);
        admin.MapGet("/{id}/answers.csv", DownloadAnswersAsync).Produces<byte[]>(StatusCodes.Status200OK, "text/csv");
        var surveys = app.MapGroup("/api/surveys").RequireAuthorization();
        surveys.MapGet("/", ListMySurveysAsync);
        surveys.MapGet("/{id}", GetMySurveyAsync);
        surveys.MapPut("/{id}/answers", AnswerSurveyAsync);
        return surveys;
    }

    public static async Task<Created<SurveyAdminView>> CreateSurveyAsync(SurveyDraft draft, ClaimsPrincipal user, IGrainFactory grains)
    {
        var survey = await grains.GetGrain<ISurveyGrain>("sv_" + Ids.Random(16)).CreateAsync(user.ToActor(), draft);
        return TypedResults.Created($"/api/admin/surveys/{survey.Id}", survey);
    }

    /// <summary>Every survey, newest first, with how many members each is for and how many answered.</summary>
    public static async Task<Ok<ItemList<SurveyAdminView>>> ListAdminSurveysAsync(ISurveyStore store)
    {
        var members = (await store.ListMemberTagsAsync()).Select(m => m.Tags).ToArray();
        var answered = await store.CountRespondentsAsync();
        var surveys = await store.ListAsync(openedOnly: false);
        return TypedResults.Ok(new ItemList<SurveyAdminView>(surveys
            .Select(s => SurveyAdminView.Of(s, SurveyTargets.Count(s, members), answered.GetValueOrDefault(s.Id))).ToArray()));
    }

    public static async Task<Ok<SurveyAdminView>> GetAdminSurveyAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Survey(grains, id).GetAdminAsync(user.ToActor()));

    public static async Task<Ok<SurveyAdminView>> OpenSurveyAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Survey(grains, id).OpenAsync(user.ToActor()));

    public static async Task<Ok<SurveyAdminView>> CloseSurveyAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Survey(grains, id).CloseAsync(user.ToActor()));

    /// <summary>The answers as CSV; an anonymous survey's without who answered or when.</summary>
    public static async Task<FileContentHttpResult> DownloadAnswersAsync(string id, ISurveyStore store, IMemberStore members)
    {
        var survey = await store.GetAsync(ClientIds.Check(id, "id")) ?? throw CommunityException.NotFound("no such survey");
        var sheets = await store.ListAnswersAsync(survey.Id);
        var named = survey.Anonymous ? [] : sheets.Select(s => s.MemberId).OfType<string>().Distinct().ToArray();
        var profiles = (await members.GetManyAsync(named)).ToDictionary(p => p.Id);
        return TypedResults.File(SurveyCsv.Of(survey, sheets, profiles), "text/csv; charset=utf-8", $"survey-{survey.Id}.csv");
    }

    /// <summary>The opened surveys that are for the caller, newest first, each saying whether they answered it.</summary>
    public static async Task<Ok<ItemList<SurveyMemberView>>> ListMySurveysAsync(ClaimsPrincipal user, IGrainFactory grains, ISurveyStore store)
    {
        var memberId = user.MemberId();
        var profile = await grains.GetGrain<IMemberGrain>(memberId).GetAsync() ?? throw CommunityException.NotFound("no such member");
        var answered = await store.AnsweredByAsync(memberId);
        var surveys = (await store.ListAsync(openedOnly: true)).Where(s => SurveyTargets.Includes(s, profile.Tags));
        return TypedResults.Ok(new ItemList<SurveyMemberView>(surveys.Select(s => SurveyMemberView.Of(s, answered.Contains(s.Id), null)).ToArray()));
    }

    public static async Task<Ok<SurveyMemberView>> GetMySurveyAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Survey(grains, id).GetForMemberAsync(user.ToActor()));

    public static async Task<Ok<SurveyMemberView>> AnswerSurveyAsync(string id, SurveyAnswersRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Survey(grains, id).AnswerAsync(user.ToActor(), request.Answers));

    private static ISurveyGrain Survey(IGrainFactory grains, string id) => grains.GetGrain<ISurveyGrain>(ClientIds.Check(id, "id"));
}
