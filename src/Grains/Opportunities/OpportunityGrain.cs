using Community.Grains.Conversations;
using Community.Grains.Dms;
using Community.Grains.Errors;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Community.Grains.Text;
using Microsoft.Extensions.Options;

namespace Community.Grains.Opportunities;

public sealed class OpportunityGrain(IOpportunityStore store, IOptions<OpportunityOptions> options, TimeProvider time) : Grain, IOpportunityGrain
{
    private Opportunity? _opportunity;
    private List<Interest> _interests = [];

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _opportunity = await store.GetAsync(Key);
        if (_opportunity is not null) _interests = [.. await store.InterestsAsync(Key)];
    }

    public async Task<OpportunityView> PostAsync(Actor actor, OpportunityDraft draft)
    {
        if (!actor.IsSecretariat && !options.Value.MembersMayPost)
            throw CommunityException.Forbidden("only the secretariat posts opportunities in this network");
        if (_opportunity is not null) throw CommunityException.Conflict("an opportunity has this id already");
        var opportunity = OpportunityRules.New(Key, draft, actor.MemberId, time.GetUtcNow());
        if (!await store.AddAsync(opportunity)) throw CommunityException.Conflict("an opportunity has this id already");
        _opportunity = opportunity;
        await AnnounceAsync();
        return View(actor);
    }

    public async Task<OpportunityView> GetAsync(Actor actor)
    {
        RequireOpportunity();
        await AnnounceAsync();
        return View(actor);
    }

    public async Task<OpportunityView> ChangeAsync(Actor actor, OpportunityDraft draft)
    {
        var opportunity = RequirePosterOrSecretariat(actor, "change it");
        var now = time.GetUtcNow();
        if (!opportunity.IsOpen(now)) throw CommunityException.Conflict("the opportunity is closed");
        var changed = OpportunityRules.Change(opportunity, draft, now);
        await store.UpdateAsync(changed);
        _opportunity = changed;
        return View(actor);
    }

    public async Task<OpportunityView> CloseAsync(Actor actor)
    {
        var opportunity = RequirePosterOrSecretariat(actor, "close it");
        if (opportunity.ClosedAt is null)
        {
            var closed = opportunity with { ClosedAt = time.GetUtcNow() };
            await store.UpdateAsync(closed);
            _opportunity = closed;
        }
        return View(actor);
    }

    public async Task<OpportunityView> SetInterestAsync(Actor actor, string? note)
    {
        var opportunity = RequireOpportunity();
        if (opportunity.PostedBy == actor.MemberId) throw CommunityException.Invalid("opportunity", "it is your own posting");
        if (!opportunity.IsOpen(time.GetUtcNow())) throw CommunityException.Conflict("the opportunity is closed");
        var text = OpportunityRules.Note(note);
        var earlier = Mine(actor);
        var interest = earlier is null ? new Interest(actor.MemberId, text, time.GetUtcNow()) : earlier with { Note = text };
        var others = _interests.Where(i => i.MemberId != actor.MemberId).ToList();
        await store.SetInterestAsync(Key, interest, others.Count + 1);
        _interests = [interest, .. others];
        _opportunity = opportunity with { InterestCount = _interests.Count };
        return View(actor);
    }

    public async Task<OpportunityView> WithdrawInterestAsync(Actor actor)
    {
        var opportunity = RequireOpportunity();
        if (Mine(actor) is null) return View(actor);
        var others = _interests.Where(i => i.MemberId != actor.MemberId).ToList();
        await store.RemoveInterestAsync(Key, actor.MemberId, others.Count);
        _interests = others;
        _opportunity = opportunity with { InterestCount = others.Count };
        return View(actor);
    }

    public Task<IReadOnlyList<Interest>> ListInterestAsync(Actor actor)
    {
        RequirePosterOrSecretariat(actor, "see who is interested");
        return Task.FromResult<IReadOnlyList<Interest>>(_interests.OrderByDescending(i => i.At).ToArray());
    }

    public async Task<RoomView> ContactAsync(Actor actor, string memberId)
    {
        RequirePosterOrSecretariat(actor, "contact those interested");
        ClientIds.Check(memberId, "memberId");
        var interest = _interests.FirstOrDefault(i => i.MemberId == memberId)
            ?? throw CommunityException.NotFound("that member is not interested in this opportunity");
        if (memberId == actor.MemberId) throw CommunityException.Invalid("memberId", "a DM needs another member");
        var dm = await GrainFactory.GetGrain<IDmThreadGrain>(DmThreadId.For(actor.MemberId, memberId)).OpenAsync(actor, memberId);
        if (interest.ContactedAt is null)
        {
            var contacted = interest with { ContactedAt = time.GetUtcNow(), DmRoomId = dm.Id };
            await store.SetInterestAsync(Key, contacted, _interests.Count);
            _interests = _interests.Select(i => i.MemberId == memberId ? contacted : i).ToList();
        }
        return dm;
    }

    /// <summary>
    /// Announces an open opportunity in the broadcast channel once (the channel posts it under an id of the
    /// opportunity's, so a repeat finds the first post); taken up again on the next call when it failed before.
    /// </summary>
    private async Task AnnounceAsync()
    {
        var opportunity = RequireOpportunity();
        if (opportunity.AnnouncedSeq is not null || !opportunity.IsOpen(time.GetUtcNow())) return;
        var seq = await GrainFactory.GetGrain<IRoomGrain>(BroadcastChannel.Id).AnnounceOpportunityAsync(Key);
        var announced = opportunity with { AnnouncedSeq = seq };
        await store.UpdateAsync(announced);
        _opportunity = announced;
    }

    private OpportunityView View(Actor actor) => OpportunityView.Of(RequireOpportunity(), time.GetUtcNow(), Mine(actor));

    private Interest? Mine(Actor actor) => _interests.FirstOrDefault(i => i.MemberId == actor.MemberId);

    private Opportunity RequireOpportunity() => _opportunity ?? throw CommunityException.NotFound("no such opportunity");

    private Opportunity RequirePosterOrSecretariat(Actor actor, string what)
    {
        var opportunity = RequireOpportunity();
        if (opportunity.PostedBy != actor.MemberId && !actor.IsSecretariat)
            throw CommunityException.Forbidden($"only the poster and the secretariat can {what}");
        return opportunity;
    }
}
