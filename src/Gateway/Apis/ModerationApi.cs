using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Audit;
using Community.Grains.Common;
using Community.Grains.Conversations;
using Community.Grains.Errors;
using Community.Grains.Events;
using Community.Grains.Members;
using Community.Grains.Moderation;
using Community.Grains.Storage;
using Community.Grains.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

public static class ModerationApi
{
    public static IEndpointRouteBuilder MapModerationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/reports", ReportMessageAsync).RequireAuthorization();
        app.MapPost("/api/rooms/{id}/mutes", MuteMemberAsync).RequireAuthorization();
        var admin = app.MapGroup("/api/admin").RequireAuthorization(AuthPolicies.Secretariat);
        admin.MapGet("/reports", ListReportsAsync);
        admin.MapPost("/reports/{id}/resolve", ResolveReportAsync);
        admin.MapPost("/members/{id}/suspend", SuspendMemberAsync);
        admin.MapPost("/members/{id}/unsuspend", UnsuspendMemberAsync);
        admin.MapDelete("/members/{id}", DeleteMemberAsync);
        return app;
    }

    /// <summary>A report with the message it is about (null if gone) and, once closed, its resolution.</summary>
    public sealed record ReportView(string Id, string RoomId, long Seq, string ReporterId, string Reason, DateTimeOffset CreatedAt,
        Grains.Messages.ChatMessage? Message, ReportResolution? Resolution);

    public static async Task<Created<ReportView>> ReportMessageAsync(ReportRequest request, ClaimsPrincipal user, IGrainFactory grains,
        IMessageStore messages, IReportStore reports, TimeProvider time)
    {
        var roomId = ClientIds.Check(request.RoomId, "roomId");
        if (request.Seq is not { } seq) throw CommunityException.Invalid("seq", "is required");
        var reason = FieldRules.ReportReason.Check(request.Reason, "reason");
        await grains.GetConversation(roomId).EnsureMemberAsync(user.ToActor());
        var message = await messages.GetAsync(roomId, seq) ?? throw CommunityException.NotFound($"no message {seq} in this room");
        var report = new Report("rp_" + Ids.Random(12), roomId, seq, user.MemberId(), reason, time.Now());
        await reports.AddAsync(report);
        return TypedResults.Created("/api/admin/reports", View(report, message));
    }

    public static async Task<Ok<ItemList<ReportView>>> ListReportsAsync(IReportStore reports, IMessageStore messages)
    {
        var items = new List<ReportView>();
        foreach (var report in await reports.ListAsync(500))
            items.Add(View(report, await messages.GetAsync(report.RoomId, report.Seq)));
        return TypedResults.Ok(new ItemList<ReportView>(items));
    }

    /// <summary>
    /// Closes a report: <c>outcome</c> is <c>actioned</c> (the message was dealt with) or <c>dismissed</c>, with an
    /// optional <c>note</c> (recorded in the audit log). A report closed already is a <c>conflict</c>.
    /// </summary>
    public static async Task<Ok<ReportView>> ResolveReportAsync(string id, ResolveReportRequest request, ClaimsPrincipal user,
        IReportStore reports, IMessageStore messages, TimeProvider time)
    {
        var reportId = ClientIds.Check(id, "id");
        var outcome = Check.OneOf(request.Outcome, "outcome", ReportResolution.Outcomes);
        var note = FieldRules.ResolutionNote.Check(request.Note, "note");
        var report = await reports.GetAsync(reportId) ?? throw CommunityException.NotFound("no such report");
        var now = time.Now();
        var resolution = new ReportResolution(outcome, string.IsNullOrEmpty(note) ? null : note, user.MemberId(), now);
        var audit = AuditEntry.Of(AuditActions.ReportResolved, user.MemberId(), report.RoomId, report.Id,
            new { outcome, note = resolution.Note, seq = report.Seq, reporterId = report.ReporterId }, now);
        if (!await reports.ResolveAsync(report.Id, resolution, audit)) throw CommunityException.Conflict("this report has been resolved already");
        return TypedResults.Ok(View(report with { Resolution = resolution }, await messages.GetAsync(report.RoomId, report.Seq)));
    }

    /// <summary>Mutes a member of a room for <c>minutes</c> (room owners, moderators and the secretariat; recorded in the audit log).</summary>
    public static async Task<NoContent> MuteMemberAsync(string id, MuteRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var memberId = ClientIds.Check(request.MemberId, "memberId");
        if (request.Minutes is not { } minutes) throw CommunityException.Invalid("minutes", "is required");
        await RoomsApi.TalkRoom(grains, id).MuteAsync(user.ToActor(), memberId, minutes);
        return TypedResults.NoContent();
    }

    /// <summary>Suspends a member: every token revoked, every connection closed, sign-in refused until reinstated (recorded in the audit log).</summary>
    public static async Task<NoContent> SuspendMemberAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (ClientIds.Check(id, "id") == user.MemberId()) throw CommunityException.Forbidden("you cannot suspend yourself");
        await grains.GetGrain<IMemberGrain>(id).SuspendAsync(user.ToActor());
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Deletes a member's account as <c>DELETE /api/me</c> does (recorded in the audit log); <c>?messages=erase</c> erases
    /// their messages, kept as a former member's otherwise.
    /// </summary>
    public static async Task<NoContent> DeleteMemberAsync(string id, string? messages, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (ClientIds.Check(id, "id") == user.MemberId()) throw CommunityException.Forbidden("delete your own account from your settings");
        await grains.GetGrain<IMemberGrain>(id).DeleteAccountAsync(user.ToActor(), Departures.Check(messages));
        return TypedResults.NoContent();
    }

    /// <summary>Reinstates a suspended member: they may sign in again (recorded in the audit log).</summary>
    public static async Task<NoContent> UnsuspendMemberAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<IMemberGrain>(ClientIds.Check(id, "id")).UnsuspendAsync(user.ToActor());
        return TypedResults.NoContent();
    }

    private static ReportView View(Report r, Grains.Messages.ChatMessage? message) =>
        new(r.Id, r.RoomId, r.Seq, r.ReporterId, r.Reason, r.CreatedAt, message, r.Resolution);
}
