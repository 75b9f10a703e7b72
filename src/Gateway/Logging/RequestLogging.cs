using Serilog;
using Serilog.Extensions.Hosting;

namespace Community.Gateway.Logging;

/// <summary>
/// One log line per request, from Serilog's request logging: method, path, the status the client
/// got and the time. It sits outside every other middleware, so a refusal is logged with the
/// status the error middleware gave it, and a request that failed with an exception with the
/// 500 the server answered. The query string is left out: it may carry a token.
/// </summary>
internal static class RequestLogging
{
    private const string Category = "Community.Gateway.Requests";

    public static IServiceCollection AddRequestLogging(this IServiceCollection services)
    {
        services.AddSingleton(sp => new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.Sink(new LoggingProviderSink(sp.GetRequiredService<ILoggerFactory>().CreateLogger(Category)))
            .CreateLogger());
        // What Serilog's hosting registers for the middleware (the node's logging is set up elsewhere),
        // binding the properties set during a request with the request logger.
        services.AddSingleton(sp => new DiagnosticContext(sp.GetRequiredService<Serilog.Core.Logger>()));
        services.AddSingleton<IDiagnosticContext>(sp => sp.GetRequiredService<DiagnosticContext>());
        return services;
    }

    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<Serilog.Core.Logger>();
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.IncludeQueryInRequestPath = false;
            options.Logger = logger;
            // The route as mapped (/api/rooms/{id}/messages), for counting requests by endpoint.
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                if (context.GetEndpoint() is RouteEndpoint endpoint) diagnostics.Set("Route", endpoint.RoutePattern.RawText);
            };
        });
        return app;
    }
}
