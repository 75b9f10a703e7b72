using System.Security.Claims;
using System.Text;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Errors;
using Community.Grains.Members;
using Community.Grains.Storage;
using Community.Grains.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Community.Gateway.Apis;

public static class MembersApi
{
    public static RouteGroupBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/members").RequireAuthorization();
        members.MapGet("/", SearchMembersAsync);
        members.MapGet("/{id}", GetMemberAsync);
        app.MapPatch("/api/me/profile", UpdateProfileAsync).RequireAuthorization();
        return members;
    }

    public static async Task<Ok<MemberPage>> SearchMembersAsync(string? q, int? limit, string? cursor, IMemberStore store, MemberViews views)
    {
        var take = Paging.Limit(limit);
        var found = await store.SearchAsync(FieldRules.SearchQuery.Check(q, "q"), take + 1, DecodeCursor(cursor));
        var page = found.Take(take).ToArray();
        var next = found.Count > take ? EncodeCursor(page[^1].Handle) : null;
        return TypedResults.Ok(new MemberPage(await views.OfAsync(page), next));
    }

    public static async Task<Ok<MemberView>> GetMemberAsync(string id, IGrainFactory grains, MemberViews views)
    {
        var profile = await grains.GetGrain<IMemberGrain>(ClientIds.Check(id, "id")).GetAsync() ?? throw CommunityException.NotFound("no such member");
        return TypedResults.Ok(await views.OfAsync(profile));
    }

    public static async Task<Ok<MemberView>> UpdateProfileAsync(ProfileUpdate update, ClaimsPrincipal user, IGrainFactory grains, MemberViews views) =>
        TypedResults.Ok(await views.OfAsync(await grains.GetGrain<IMemberGrain>(user.MemberId()).UpdateProfileAsync(update)));

    /// <summary>A handle's worth of base64url, with room to spare.</summary>
    private const int MaxCursorLength = 256;

    private static string EncodeCursor(string handle) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(handle));

    private static string? DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            if (cursor.Length > MaxCursorLength) throw new FormatException();
            var handle = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(WebEncoders.Base64UrlDecode(cursor));
            // Only shape is checked: the handle of a member who signed up under older rules still pages on.
            if (handle.Length == 0 || Characters.FirstRefused(handle, multiLine: true, bidiControls: true) is not null) throw new FormatException();
            return handle;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or CommunityException)
        {
            throw CommunityException.Invalid("cursor", "is not a cursor this server gave out");
        }
    }
}
