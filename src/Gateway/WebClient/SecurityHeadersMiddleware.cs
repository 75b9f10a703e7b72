namespace Community.Gateway.WebClient;

/// <summary>
/// The client's pages may run only the client's own script files: no inline script, no eval, nothing
/// from elsewhere. The hub's WebSocket is the page's own origin. Answers that set a policy of their
/// own (stamp images, the API reference page) keep it.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ClientPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; media-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'self'; " +
        "frame-ancestors 'none'; manifest-src 'self'; worker-src 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        if (!context.Request.Path.StartsWithSegments("/scalar"))
        {
            headers.ContentSecurityPolicy = ClientPolicy;
            headers.XFrameOptions = "DENY";
        }
        return next(context);
    }
}
