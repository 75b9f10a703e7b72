using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Audit;
using Community.Grains.Common;
using Community.Grains.Errors;
using Community.Grains.Members;
using Community.Grains.Storage;
using Community.Grains.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

public static class InvitationsApi
{
    public static RouteGroupBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var invitations = app.MapGroup("/api/admin/invitations").RequireAuthorization(AuthPolicies.Secretariat);
        invitations.MapPost("/", CreateInvitationsAsync);
        invitations.MapGet("/", ListInvitationsAsync);
        invitations.MapDelete("/{code}", RevokeInvitationAsync);
        return invitations;
    }

    /// <summary>Creates invitation codes (recorded in the audit log, codes included).</summary>
    public static async Task<Created<InvitationCodes>> CreateInvitationsAsync(
        CreateInvitationsRequest? request, ClaimsPrincipal user, IInvitationStore store, TimeProvider time)
    {
        request ??= new CreateInvitationsRequest(null, null, null, null);
        var count = request.Count ?? 1;
        if (count is < 1 or > 1000) throw CommunityException.Invalid("count", "must be between 1 and 1000");
        var role = Check.OneOf(request.Role ?? MemberRoles.Alumnus, "role", MemberRoles.All);
        var days = request.ExpiresInDays ?? 30;
        if (days is < 1 or > 365) throw CommunityException.Invalid("expiresInDays", "must be between 1 and 365");
        var note = FieldRules.InvitationNote.CheckOptional(request.Note, "note");

        var now = time.Now();
        var created = Enumerable.Range(0, count)
            .Select(_ => new Invitation(InvitationCode.New(), role, now.AddDays(days), null, note, user.MemberId(), now))
            .ToArray();
        var codes = created.Select(i => i.Code).ToArray();
        await store.AddAsync(created, AuditEntry.Of(AuditActions.InvitationsCreated, user.MemberId(), null, null,
            new { count, role, expiresAt = now.AddDays(days), note, codes }, now));
        return TypedResults.Created("/api/admin/invitations", new InvitationCodes(codes));
    }

    /// <summary>Every invitation, newest first: who used it, or when it was revoked.</summary>
    public static async Task<Ok<ItemList<InvitationView>>> ListInvitationsAsync(IInvitationStore store) =>
        TypedResults.Ok(new ItemList<InvitationView>((await store.ListAsync())
            .Select(i => new InvitationView(i.Code, i.Role, i.ExpiresAt, i.UsedBy, i.Note, i.RevokedAt)).ToArray()));

    /// <summary>
    /// Withdraws an unused invitation, so that nobody can sign up with it (recorded in the audit log).
    /// Revoking it again changes nothing; a used one is a <c>conflict</c>.
    /// </summary>
    public static async Task<NoContent> RevokeInvitationAsync(string code, ClaimsPrincipal user, IInvitationStore store, TimeProvider time)
    {
        string normalized;
        try
        {
            normalized = InvitationCode.Normalize(code);
        }
        catch (CommunityException)
        {
            throw CommunityException.NotFound("no such invitation");
        }
        var now = time.Now();
        var result = await store.RevokeAsync(normalized, now,
            AuditEntry.Of(AuditActions.InvitationRevoked, user.MemberId(), null, normalized, null, now));
        return result switch
        {
            RevokeInvitationResult.UnknownCode => throw CommunityException.NotFound("no such invitation"),
            RevokeInvitationResult.AlreadyUsed => throw CommunityException.Conflict("this invitation has been used already"),
            _ => TypedResults.NoContent(),
        };
    }
}
