using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Errors;
using Community.Grains.Members;
using Community.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Community.Gateway.Apis;

public static class ExportApi
{
    public static RouteHandlerBuilder MapExportApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/me/export", ExportAsync).RequireAuthorization();

    /// <summary>The member's own data as one JSON download: profile, rooms, every message they sent (with room and seq), every reaction they gave.</summary>
    public static async Task<Ok<MemberExport>> ExportAsync(ClaimsPrincipal user, HttpResponse response, IGrainFactory grains, IMessageStore messages,
        MemberViews views, TimeProvider time)
    {
        var member = grains.GetGrain<IMemberGrain>(user.MemberId());
        var profile = await member.GetAsync() ?? throw CommunityException.NotFound("no such member");
        var export = new MemberExport(time.GetUtcNow(), await views.OfAsync(profile), await member.GetRoomsAsync(),
            (await messages.SentByAsync(profile.Id)).Select(ExportedMessage.Of).ToArray(), await messages.ReactionsByAsync(profile.Id));
        response.Headers.ContentDisposition = $"attachment; filename=\"community-{profile.Handle}.json\"";
        return TypedResults.Ok(export);
    }
}
