using Community.Grains.Common;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Members;
using Community.Grains.Storage;

namespace Community.Grains.Surveys;

/// <summary>
/// One survey. Members it is for are those whose tags it names when they look (or everyone); a member it is not for
/// is told it does not exist, so that its title says nothing to them either.
/// </summary>
public sealed class SurveyGrain(ISurveyStore surveys, IEventPublisher events, TimeProvider time) : Grain, ISurveyGrain
{
    private Survey? _survey;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _survey = await surveys.GetAsync(this.GetPrimaryKeyString());

    public async Task<SurveyAdminView> CreateAsync(Actor actor, SurveyDraft draft)
    {
        RequireSecretariat(actor);
        if (_survey is not null) throw CommunityException.Conflict("the survey exists already");
        var survey = SurveyRules.New(this.GetPrimaryKeyString(), actor.MemberId, draft, time.Now());
        await surveys.CreateAsync(survey);
        _survey = survey;
        return await AdminViewAsync();
    }

    public Task<SurveyAdminView> GetAdminAsync(Actor actor)
    {
        RequireSecretariat(actor);
        RequireSurvey();
        return AdminViewAsync();
    }

    public async Task<SurveyAdminView> OpenAsync(Actor actor)
    {
        RequireSecretariat(actor);
        var survey = RequireSurvey();
        if (survey.Status == SurveyStatuses.Closed) throw CommunityException.Conflict("the survey is closed");
        if (survey.Status == SurveyStatuses.Draft)
        {
            var at = time.Now();
            await surveys.SetOpenedAsync(survey.Id, at);
            _survey = survey with { OpenedAt = at };
            var payload = new SurveyOpenedPayload(survey.Id, survey.Title);
            foreach (var (memberId, tags) in await surveys.ListMemberTagsAsync())
                if (SurveyTargets.Includes(survey, tags)) events.Publish(new MemberEvent(memberId, EventNames.SurveyOpened, payload));
        }
        return await AdminViewAsync();
    }

    public async Task<SurveyAdminView> CloseAsync(Actor actor)
    {
        RequireSecretariat(actor);
        var survey = RequireSurvey();
        if (survey.Status == SurveyStatuses.Draft) throw CommunityException.Conflict("the survey is not open yet");
        if (survey.Status == SurveyStatuses.Open)
        {
            var at = time.Now();
            await surveys.SetClosedAsync(survey.Id, at);
            _survey = survey with { ClosedAt = at };
        }
        return await AdminViewAsync();
    }

    public async Task<SurveyMemberView> GetForMemberAsync(Actor actor)
    {
        var survey = await RequireTargetedAsync(actor);
        return await MemberViewAsync(survey, actor.MemberId);
    }

    public async Task<SurveyMemberView> AnswerAsync(Actor actor, IReadOnlyList<SurveyAnswer?>? answers)
    {
        var survey = await RequireTargetedAsync(actor);
        if (survey.Status != SurveyStatuses.Open) throw CommunityException.Conflict("the survey is closed");
        var checkedAnswers = SurveyRules.Answers(survey, answers);
        if (!await surveys.SaveAnswersAsync(survey.Id, actor.MemberId, survey.Anonymous, checkedAnswers, time.Now()))
            throw CommunityException.Conflict("an anonymous survey is answered once, and you have answered it");
        return await MemberViewAsync(survey, actor.MemberId);
    }

    private async Task<SurveyMemberView> MemberViewAsync(Survey survey, string memberId)
    {
        var answered = (await surveys.AnsweredByAsync(memberId)).Contains(survey.Id);
        var mine = survey.Anonymous || !answered ? null : await surveys.GetNamedAnswersAsync(survey.Id, memberId);
        return SurveyMemberView.Of(survey, answered, mine);
    }

    private async Task<SurveyAdminView> AdminViewAsync()
    {
        var survey = _survey!;
        var members = await surveys.ListMemberTagsAsync();
        var answered = (await surveys.CountRespondentsAsync()).GetValueOrDefault(survey.Id);
        return SurveyAdminView.Of(survey, SurveyTargets.Count(survey, members.Select(m => m.Tags).ToArray()), answered);
    }

    private async Task<Survey> RequireTargetedAsync(Actor actor)
    {
        var survey = _survey is { OpenedAt: not null } s ? s : throw CommunityException.NotFound("no such survey");
        var profile = await GrainFactory.GetGrain<IMemberGrain>(actor.MemberId).GetAsync();
        if (profile is null || !SurveyTargets.Includes(survey, profile.Tags)) throw CommunityException.NotFound("no such survey");
        return survey;
    }

    private Survey RequireSurvey() => _survey ?? throw CommunityException.NotFound("no such survey");

    private static void RequireSecretariat(Actor actor)
    {
        if (!actor.IsSecretariat) throw CommunityException.Forbidden("surveys are run by the secretariat");
    }
}
