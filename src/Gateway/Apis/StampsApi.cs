using Community.Gateway.Auth;
using Community.Gateway.Stamps;
using System.Security.Claims;
using Community.Grains.Audit;
using Community.Grains.Common;
using Community.Grains.Errors;
using Community.Grains.Stamps;
using Community.Grains.Storage;
using Community.Grains.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Community.Gateway.Apis;

public static class StampsApi
{
    private const int MaxStampsPerPack = 40;

    public static RouteGroupBuilder MapStampsApi(this IEndpointRouteBuilder app)
    {
        var stamps = app.MapGroup("/api/stamps").RequireAuthorization();
        stamps.MapGet("/", ListStampPacksAsync);
        // A signed URL stands in for the bearer token, which an <img> cannot send.
        stamps.MapGet("/{stampId}/image", GetStampImageAsync).AllowAnonymous();
        app.MapPost("/api/admin/stamp-packs", AddStampPackAsync).RequireAuthorization(AuthPolicies.Secretariat).DisableAntiforgery()
            .WithDescription($"A multipart form: `name`, {FieldRules.StampPackName.Describe()}; and 1–{MaxStampsPerPack} PNG, WebP or SVG files " +
                $"of at most {StampImageCheck.MaxBytes / 1024} KB, each labelled by its file's name without the extension, {FieldRules.StampLabel.Describe()}.");
        app.MapDelete("/api/admin/stamp-packs/{id}", RemoveStampPackAsync).RequireAuthorization(AuthPolicies.Secretariat);
        return stamps;
    }

    public sealed record StampPacks(IReadOnlyList<StampPack> Packs);

    /// <summary>Every pack; each image URL is signed, so that a page can show it without a token.</summary>
    public static async Task<Ok<StampPacks>> ListStampPacksAsync(IStampStore store, StampUrlSigner signer) =>
        TypedResults.Ok(new StampPacks((await store.ListPacksAsync()).Select(pack => Signed(pack, signer)).ToArray()));

    /// <summary>
    /// The image, for a member's bearer token or a signed URL, with an entity tag: a client that has it
    /// gets 304, and may keep it for a day.
    /// </summary>
    public static async Task<IResult> GetStampImageAsync(string stampId, string? exp, string? sig, HttpContext context, IStampStore store,
        StampUrlSigner signer)
    {
        ClientIds.Check(stampId, "stampId");
        if (context.User.Identity?.IsAuthenticated != true && !signer.IsValid(stampId, exp, sig))
            throw CommunityException.Unauthorized("a member's token or a signed image URL is required");
        var image = await store.GetImageAsync(stampId) ?? throw CommunityException.NotFound("no such stamp");
        var etag = new EntityTagHeaderValue($"\"{image.ETag}\"");
        context.Response.Headers.CacheControl = "private, max-age=86400";
        context.Response.Headers.ETag = etag.ToString();
        var known = context.Request.GetTypedHeaders().IfNoneMatch;
        if (known.Any(tag => tag.Compare(etag, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        // SVG is served so that a browser opening it directly still runs nothing.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Cross-Origin-Resource-Policy"] = "same-origin";
        return TypedResults.File(image.Bytes, image.ContentType);
    }

    /// <summary>A new pack from a multipart form: <c>name</c> and one or more image files (labels from the file names); recorded in the audit log.</summary>
    public static async Task<Created<StampPack>> AddStampPackAsync(HttpRequest request, ClaimsPrincipal user, IStampStore store, StampUrlSigner signer,
        TimeProvider time)
    {
        if (!request.HasFormContentType) throw CommunityException.Invalid("body", "must be multipart/form-data with name and image files");
        var form = await request.ReadFormAsync();
        var name = FieldRules.StampPackName.Check(form["name"].Count == 1 ? form["name"].ToString() : null, "name");
        if (form.Files.Count == 0) throw CommunityException.Invalid("files", "at least one image is required");
        if (form.Files.Count > MaxStampsPerPack) throw CommunityException.Invalid("files", $"at most {MaxStampsPerPack} images per pack");

        var packId = "p" + Ids.Random(10);
        var stamps = new List<NewStamp>();
        foreach (var file in form.Files)
        {
            if (file.Length > StampImageCheck.MaxBytes) throw CommunityException.TooLarge($"{file.FileName} is over {StampImageCheck.MaxBytes / 1024} KB");
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            var label = FieldRules.StampLabel.Check(Path.GetFileNameWithoutExtension(file.FileName), $"files[{stamps.Count}]");
            stamps.Add(new NewStamp($"{packId}.{stamps.Count + 1}", label.Length == 0 ? $"{stamps.Count + 1}" : label,
                StampImageCheck.Check(file.FileName, copy.ToArray())));
        }
        var now = time.Now();
        await store.AddPackAsync(packId, name, stamps, now,
            AuditEntry.Of(AuditActions.StampPackAdded, user.MemberId(), null, packId, new { name, stamps = stamps.Count }, now));
        var pack = (await store.ListPacksAsync()).Single(p => p.Id == packId);
        return TypedResults.Created($"/api/stamps#{packId}", Signed(pack, signer));
    }

    /// <summary>
    /// Takes a pack out of the stamp picker (recorded in the audit log): its stamps can no longer be sent,
    /// and messages that show them still do.
    /// </summary>
    public static async Task<NoContent> RemoveStampPackAsync(string id, ClaimsPrincipal user, IStampStore store, TimeProvider time)
    {
        ClientIds.Check(id, "id");
        var now = time.Now();
        var name = (await store.ListPacksAsync()).FirstOrDefault(p => p.Id == id)?.Name ?? throw CommunityException.NotFound("no such stamp pack");
        if (!await store.RemovePackAsync(id, now, AuditEntry.Of(AuditActions.StampPackRemoved, user.MemberId(), null, id, new { name }, now)))
            throw CommunityException.NotFound("no such stamp pack");
        return TypedResults.NoContent();
    }

    private static StampPack Signed(StampPack pack, StampUrlSigner signer) =>
        pack with { Stamps = pack.Stamps.Select(s => s with { ImageUrl = signer.Sign(s.ImageUrl, s.Id) }).ToArray() };
}
