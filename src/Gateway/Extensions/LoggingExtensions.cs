using Serilog;
using Serilog.Events;
using Serilog.Settings.Configuration;

namespace Community.Gateway.Extensions;

internal static class LoggingExtensions
{
    private static readonly (string Category, LogLevel Level)[] Quieted =
    [
        // The framework's own request lines carry the query string, where the hub's access_token travels.
        ("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning),
        // SignalR logs every refused call as an error; the hub's error filter logs the real failures.
        ("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.None),
    ];

    /// <summary>Serilog under Microsoft.Extensions.Logging: console sink, levels from the <c>Serilog</c> configuration section.</summary>
    public static WebApplicationBuilder AddCommunityLogging(this WebApplicationBuilder builder)
    {
        var serilog = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration, new ConfigurationReaderOptions(typeof(ConsoleLoggerConfigurationExtensions).Assembly));
        foreach (var (category, level) in Quieted)
        {
            // Both for Serilog's own levels and for any other provider added to the host.
            serilog.MinimumLevel.Override(category, level == LogLevel.None ? LogEventLevel.Fatal : LogEventLevel.Warning);
            builder.Logging.AddFilter(category, level);
        }
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(serilog.CreateLogger(), dispose: true);
        return builder;
    }
}
