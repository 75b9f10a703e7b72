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

    /// <summary>
    /// The directory as the caller may see it: members who hide from it are left out, headline, company and what they
    /// are open to shown as each member chose. <paramref name="openTo"/> (repeated, or separated by commas) keeps members
    /// open to any of those kinds who show it to the caller.
    /// </summary>
    public static async Task<Ok<MemberPage>> SearchMembersAsync(string? q, int? limit, string? cursor, string[]? openTo, ClaimsPrincipal user,
        IMemberStore store, MemberViews views)
    {
        var take = Paging.Limit(limit);
        var viewer = user.DirectoryViewer();
        var kinds = openTo is null ? [] : OpenToKinds.Check(
            openTo.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray());
        var found = await store.SearchDirectoryAsync(FieldRules.SearchQuery.Check(q, "q"), take + 1, DecodeCursor(cursor), viewer, kinds);
        var page = found.Take(take).ToArray();
        var next = found.Count > take ? EncodeCursor(page[^1].Profile.Handle) : null;
        return TypedResults.Ok(new MemberPage(await views.ForAsync(viewer, page), next));
    }

    /// <summary>One member as the caller may see them; a member hidden from the directory is not found by those who share no room with them.</summary>
    public static async Task<Ok<MemberView>> GetMemberAsync(string id, ClaimsPrincipal user, IGrainFactory grains, IMemberStore store, MemberViews views)
    {
        var profile = await grains.GetGrain<IMemberGrain>(ClientIds.Check(id, "id")).GetAsync() ?? throw CommunityException.NotFound("no such member");
        var viewer = user.DirectoryViewer();
        var roomMate = !DirectoryVisibility.SeesAll(viewer, profile) && (await store.RoomMatesAmongAsync(viewer.MemberId, [profile.Id])).Contains(profile.Id);
        if (!DirectoryVisibility.Finds(viewer, profile, roomMate)) throw CommunityException.NotFound("no such member");
        return TypedResults.Ok((await views.ForAsync(viewer, [new DirectoryEntry(profile, roomMate)]))[0]);
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
