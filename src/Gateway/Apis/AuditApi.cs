using System.Text.Json;
using Community.Gateway.Auth;
using Community.Grains.Audit;
using Community.Grains.Common;
using Community.Grains.Storage;
using Community.Grains.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

/// <summary>The secretariat's audit log: read only; nothing in the API edits or deletes it.</summary>
public static class AuditApi
{
    public static RouteHandlerBuilder MapAuditApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/audit", ListAuditAsync).RequireAuthorization(AuthPolicies.Secretariat);

    /// <summary>An audit entry: who (the actor's member id and handle at the time; null for the node itself), what, to what, when.</summary>
    public sealed record AuditEntryView(long Id, DateTimeOffset At, string Action, string? ActorId, string? ActorHandle, string? RoomId,
        string? TargetId, JsonElement Detail);

    /// <summary>A page of the audit log; <paramref name="NextBefore"/> is the <c>before</c> of the next, older page, null at the end.</summary>
    public sealed record AuditPage(IReadOnlyList<AuditEntryView> Items, long? NextBefore);

    /// <summary>
    /// The secretariat's and moderators' actions, newest first: invitations created and revoked, suspensions,
    /// members removed from rooms, others' messages deleted, mutes, reports resolved, stamp packs added and
    /// removed, and the secretariat account created from configuration. <c>before</c> pages back (an entry id),
    /// <c>limit</c> is 1-100 (50), <c>action</c> keeps one action, <c>actor</c> one member's.
    /// </summary>
    public static async Task<Ok<AuditPage>> ListAuditAsync(long? before, int? limit, string? action, string? actor, IAuditStore audit)
    {
        var take = Paging.Limit(limit);
        if (action is not null) Check.OneOf(action, "action", AuditActions.All.ToArray());
        var found = await audit.PageAsync(before, take + 1, action, string.IsNullOrEmpty(actor) ? null : ClientIds.Check(actor, "actor"));
        var page = found.Take(take).ToArray();
        return TypedResults.Ok(new AuditPage(page.Select(View).ToArray(), found.Count > take ? page[^1].Id : null));
    }

    private static AuditEntryView View(AuditRecord r)
    {
        using var detail = JsonDocument.Parse(r.Detail);
        return new AuditEntryView(r.Id, r.At, r.Action, r.ActorId, r.ActorHandle, r.RoomId, r.TargetId, detail.RootElement.Clone());
    }
}
