using System.Globalization;
using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Common;
using Community.Grains.Errors;
using Community.Grains.Opportunities;
using Community.Grains.Rooms;
using Community.Grains.Storage;
using Community.Grains.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

/// <summary>Job openings, projects and side work: posting, browsing, "interested", and the poster's follow-up DM.</summary>
public static class OpportunitiesApi
{
    public static RouteGroupBuilder MapOpportunitiesApi(this IEndpointRouteBuilder app)
    {
        var opportunities = app.MapGroup("/api/opportunities").RequireAuthorization();
        opportunities.MapPost("/", PostOpportunityAsync);
        opportunities.MapGet("/", ListOpportunitiesAsync);
        opportunities.MapGet("/{id}", GetOpportunityAsync);
        opportunities.MapPatch("/{id}", ChangeOpportunityAsync);
        opportunities.MapPost("/{id}/close", CloseOpportunityAsync);
        opportunities.MapPut("/{id}/interest", SetInterestAsync);
        opportunities.MapDelete("/{id}/interest", WithdrawInterestAsync);
        opportunities.MapGet("/{id}/interest", ListInterestAsync);
        opportunities.MapPost("/{id}/interest/{memberId}/dm", ContactAsync);
        return opportunities;
    }

    /// <summary>Posts an opportunity (the secretariat; members too where the network allows it) and announces it in the broadcast channel.</summary>
    public static async Task<Created<OpportunityView>> PostOpportunityAsync(OpportunityRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var id = "op_" + Ids.Random(12);
        var posted = await grains.GetGrain<IOpportunityGrain>(id).PostAsync(user.ToActor(), request.ToDraft());
        return TypedResults.Created($"/api/opportunities/{id}", posted);
    }

    /// <summary>Opportunities newest first: open ones unless <c>status=closed</c>, of one <c>kind</c>, <c>remote</c> ones only, matching <c>q</c>.</summary>
    public static async Task<Ok<OpportunityPage>> ListOpportunitiesAsync(string? kind, string? status, bool? remote, string? q, string? cursor, int? limit,
        ClaimsPrincipal user, IOpportunityStore store, TimeProvider time)
    {
        if (kind is not null && !OpportunityKinds.All.Contains(kind))
            throw CommunityException.Invalid("kind", $"must be one of {string.Join(", ", OpportunityKinds.All)}");
        status ??= OpportunityStatuses.Open;
        if (!OpportunityStatuses.All.Contains(status))
            throw CommunityException.Invalid("status", $"must be one of {string.Join(", ", OpportunityStatuses.All)}");
        var text = FieldRules.SearchQuery.Check(q, "q");
        var take = Paging.Limit(limit);
        var now = time.GetUtcNow();
        var query = new OpportunityQuery(kind, status, remote ?? false, text.Length == 0 ? null : text, DecodeCursor(cursor), now);
        var found = await store.ListAsync(query, user.MemberId(), take + 1);
        var page = found.Take(take).Select(f => OpportunityView.Of(f.Opportunity, now, f.Mine)).ToArray();
        return TypedResults.Ok(new OpportunityPage(page, found.Count > take ? EncodeCursor(page[^1]) : null));
    }

    public static async Task<Ok<OpportunityView>> GetOpportunityAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, id).GetAsync(user.ToActor()));

    /// <summary>Changes the fields given (the poster or the secretariat, while it is open).</summary>
    public static async Task<Ok<OpportunityView>> ChangeOpportunityAsync(string id, OpportunityRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, id).ChangeAsync(user.ToActor(), request.ToDraft()));

    /// <summary>Closes it for good: archived, shown as closed, no new interest.</summary>
    public static async Task<Ok<OpportunityView>> CloseOpportunityAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, id).CloseAsync(user.ToActor()));

    /// <summary>"Interested", with an optional note that only the poster and the secretariat see.</summary>
    public static async Task<Ok<OpportunityView>> SetInterestAsync(string id, InterestRequest? request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, id).SetInterestAsync(user.ToActor(), request?.Note));

    public static async Task<Ok<OpportunityView>> WithdrawInterestAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, id).WithdrawInterestAsync(user.ToActor()));

    /// <summary>Who is interested, with their notes, newest first: the poster and the secretariat only.</summary>
    public static async Task<Ok<ItemList<Interest>>> ListInterestAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(new ItemList<Interest>(await Grain(grains, id).ListInterestAsync(user.ToActor())));

    /// <summary>Opens the DM with an interested member from their interest (the poster or the secretariat); the DM.</summary>
    public static async Task<Ok<RoomView>> ContactAsync(string id, string memberId, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, id).ContactAsync(user.ToActor(), memberId));

    private static IOpportunityGrain Grain(IGrainFactory grains, string id) => grains.GetGrain<IOpportunityGrain>(ClientIds.Check(id, "id"));

    private static string EncodeCursor(OpportunityView last) =>
        string.Create(CultureInfo.InvariantCulture, $"{last.PostedAt.ToUnixTimeMilliseconds()}.{last.Id}");

    private static (DateTimeOffset, string)? DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && long.TryParse(cursor[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= 253402300799999
            && ClientIds.IsShaped(cursor[(dot + 1)..]))
            return (DateTimeOffset.FromUnixTimeMilliseconds(ms), cursor[(dot + 1)..]);
        throw CommunityException.Invalid("cursor", "is not a cursor this server gave out");
    }
}
