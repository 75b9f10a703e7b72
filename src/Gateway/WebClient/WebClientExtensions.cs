namespace Community.Gateway.WebClient;

internal static class WebClientExtensions
{
    /// <summary>The client's own routes, answered with its page (it reads the path itself).</summary>
    private static readonly string[] ClientRoutes = ["rooms", "dm", "directory", "discover", "opportunities", "events", "profile", "admin", "signup", "signin"];

    public static WebApplicationBuilder AddWebClient(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<NetworkOptions>(builder.Configuration.GetSection("Community:Network"));
        return builder;
    }

    /// <summary>Security headers on every answer; the client's pages get a strict Content-Security-Policy.</summary>
    public static WebApplication UseWebClientHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }

    /// <summary>
    /// The built client from wwwroot at <c>/</c>, and its own routes (<c>/rooms/…</c>, <c>/admin</c>…)
    /// answered with its page. Other paths stay the server's: an unknown <c>/api/…</c> is a plain 404.
    /// </summary>
    public static WebApplication MapWebClient(this WebApplication app)
    {
        // The build writes the manifest of the client's files next to the gateway's assembly (and
        // publish next to the published one); a host without it (an in-process test node) has no client.
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{typeof(WebClientExtensions).Assembly.GetName().Name}.staticwebassets.endpoints.json");
        if (File.Exists(manifest)) app.MapStaticAssets(manifest);
        app.MapGet("/client/config.json", ClientConfig.Get).AllowAnonymous();
        app.MapFallbackToFile("/", "index.html");
        foreach (var route in ClientRoutes)
        {
            app.MapFallbackToFile($"/{route}", "index.html");
            app.MapFallbackToFile($"/{route}/{{**rest}}", "index.html");
        }
        return app;
    }
}
