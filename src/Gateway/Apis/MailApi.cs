using System.Net;
using System.Security.Claims;
using Community.Gateway.Auth;
using Community.Gateway.Contracts;
using Community.Grains.Errors;
using Community.Grains.Mail;
using Community.Grains.Storage;
using Community.Grains.Text;
using Community.Silo.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Community.Gateway.Apis;

/// <summary>
/// E-mail: a member's address and which e-mails they want, the one-click unsubscribe link of every e-mail, and the
/// secretariat's broadcasts by e-mail, digest check and outbox.
/// </summary>
public static class MailApi
{
    public static RouteGroupBuilder MapMailApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/mail", GetMailSettingsAsync).RequireAuthorization();
        app.MapPatch("/api/me/mail", UpdateMailSettingsAsync).RequireAuthorization();
        app.MapGet(UnsubscribeLinks.Path, UnsubscribePageAsync).AllowAnonymous().RequireRateLimiting(AnonymousRateLimit.Policy);
        app.MapPost(UnsubscribeLinks.Path, UnsubscribeOneClickAsync).AllowAnonymous().RequireRateLimiting(AnonymousRateLimit.Policy);
        var admin = app.MapGroup("/api/admin").RequireAuthorization(AuthPolicies.Secretariat);
        admin.MapGet("/members/{id}/mail", GetMemberMailSettingsAsync);
        admin.MapPost("/broadcasts/{seq:long}/email", SendBroadcastByMailAsync);
        admin.MapPost("/mail/digests/run", RunDigestCheckAsync);
        admin.MapGet("/mail/outbox", ListOutboxAsync);
        return admin;
    }

    /// <summary>
    /// The caller's e-mail settings: their address (null when none; never shown in the directory, only to them and the
    /// secretariat), whether they get digests and broadcasts by e-mail, the language of those e-mails, and whether this
    /// server sends e-mail at all (<c>mailOn</c>).
    /// </summary>
    public static async Task<Ok<MailSettingsView>> GetMailSettingsAsync(ClaimsPrincipal user, IGrainFactory grains, IOptions<MailOptions> options) =>
        TypedResults.Ok(MailSettingsView.Of(await grains.GetGrain<IMailSettingsGrain>(user.MemberId()).GetAsync(), options.Value.Enabled));

    /// <summary>
    /// Changes any of <c>address</c> (an e-mail address; empty removes it), <c>digests</c>, <c>broadcastMail</c> and
    /// <c>language</c> (<c>ja</c>, <c>en</c>, or empty for Japanese with English below).
    /// </summary>
    public static async Task<Ok<MailSettingsView>> UpdateMailSettingsAsync(MailSettingsUpdate update, ClaimsPrincipal user, IGrainFactory grains,
        IOptions<MailOptions> options) =>
        TypedResults.Ok(MailSettingsView.Of(await grains.GetGrain<IMailSettingsGrain>(user.MemberId()).UpdateAsync(update), options.Value.Enabled));

    /// <summary>A member's e-mail settings, as the secretariat sees them.</summary>
    public static async Task<Ok<MailSettingsView>> GetMemberMailSettingsAsync(string id, IGrainFactory grains, IOptions<MailOptions> options) =>
        TypedResults.Ok(MailSettingsView.Of(await grains.GetGrain<IMailSettingsGrain>(ClientIds.Check(id, "id")).GetAsync(), options.Value.Enabled));

    /// <summary>
    /// The unsubscribe link of an e-mail, opened in a browser: turns that kind of e-mail (digests, or broadcasts by e-mail)
    /// off for the member the signed <c>token</c> names, without signing in, and says so on a small page in Japanese and
    /// English. <c>invalid</c> for a token this network did not sign.
    /// </summary>
    public static async Task<ContentHttpResult> UnsubscribePageAsync(string? token, UnsubscribeLinks links, IGrainFactory grains)
    {
        var kind = await UnsubscribeAsync(token, links, grains);
        var (ja, en) = kind == MailKinds.Digest
            ? ("未読のお知らせメールを停止しました。", "You will get no more e-mails about unread messages.")
            : ("お知らせのメール配信を停止しました。", "You will get no more announcements by e-mail.");
        var page = $"""
            <!doctype html>
            <html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>配信停止 / Unsubscribed</title></head>
            <body><h1>配信停止 / Unsubscribed</h1><p>{WebUtility.HtmlEncode(ja)}</p><p lang="en">{WebUtility.HtmlEncode(en)}</p>
            <p>アプリの設定でいつでも元に戻せます。 / You can turn them on again in the app's settings.</p></body></html>
            """;
        return TypedResults.Content(page, "text/html; charset=utf-8");
    }

    /// <summary>
    /// The one-click unsubscribe of RFC 8058 (a mail client posts <c>List-Unsubscribe=One-Click</c> to the
    /// List-Unsubscribe link): turns that kind of e-mail off, as opening the link does. <c>invalid</c> for a bad token.
    /// </summary>
    public static async Task<NoContent> UnsubscribeOneClickAsync(string? token, UnsubscribeLinks links, IGrainFactory grains)
    {
        await UnsubscribeAsync(token, links, grains);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Sends the broadcast <c>seq</c> (a top-level message of the broadcast channel) by e-mail as well, through the outbox,
    /// to every member with an address who has not turned broadcast e-mail off; asked again, it reaches only those it has
    /// not reached yet. <c>conflict</c> when this server sends no e-mail, <c>not_found</c> for no such broadcast.
    /// </summary>
    public static async Task<Accepted<BroadcastMailView>> SendBroadcastByMailAsync(long seq, BroadcastMailer mailer)
    {
        if (seq < 1) throw CommunityException.Invalid("seq", "must be 1 or more");
        var (recipients, queued) = await mailer.QueueAsync(seq);
        return TypedResults.Accepted((string?)null, new BroadcastMailView(seq, recipients, queued));
    }

    /// <summary>
    /// Runs the digest check now instead of at its next interval: each member away longer than
    /// <c>Community:Mail:OfflineThreshold</c> with unread DMs or mentions that no digest told of yet, and no digest within
    /// <c>DigestPeriod</c>, gets one. <c>conflict</c> when this server sends no e-mail.
    /// </summary>
    public static async Task<Ok<DigestRunView>> RunDigestCheckAsync(DigestRun digests) => TypedResults.Ok(new DigestRunView(await digests.RunAsync()));

    /// <summary>The outbox, newest first: each mail's key, kind, recipient, attempts, next attempt, when it was sent and the last error.</summary>
    public static async Task<Ok<ItemList<OutboxEntryView>>> ListOutboxAsync(bool? pending, int? limit, IMailOutboxStore outbox) =>
        TypedResults.Ok(new ItemList<OutboxEntryView>((await outbox.ListAsync(pending ?? false, Paging.Limit(limit))).Select(OutboxEntryView.Of).ToArray()));

    private static async Task<string> UnsubscribeAsync(string? token, UnsubscribeLinks links, IGrainFactory grains)
    {
        var read = token is { Length: > 0 and <= 256 } ? await links.ReadAsync(token) : null;
        if (read is not { } found) throw CommunityException.Invalid("token", "is not an unsubscribe link of this network");
        await grains.GetGrain<IMailSettingsGrain>(found.MemberId).UnsubscribeAsync(found.Kind);
        return found.Kind;
    }
}
