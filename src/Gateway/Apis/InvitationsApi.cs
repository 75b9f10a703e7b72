using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
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
        return invitations;
    }

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
        await store.AddAsync(created);
        return TypedResults.Created("/api/admin/invitations", new InvitationCodes(created.Select(i => i.Code).ToArray()));
    }

    public static async Task<Ok<ItemList<InvitationView>>> ListInvitationsAsync(IInvitationStore store) =>
        TypedResults.Ok(new ItemList<InvitationView>((await store.ListAsync())
            .Select(i => new InvitationView(i.Code, i.Role, i.ExpiresAt, i.UsedBy, i.Note)).ToArray()));
}
