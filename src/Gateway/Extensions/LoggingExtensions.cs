using Serilog;
using Serilog.Settings.Configuration;

namespace Community.Gateway.Extensions;

internal static class LoggingExtensions
{
    /// <summary>Serilog under Microsoft.Extensions.Logging: console sink, levels from the <c>Serilog</c> configuration section.</summary>
    public static WebApplicationBuilder AddCommunityLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration, new ConfigurationReaderOptions(typeof(ConsoleLoggerConfigurationExtensions).Assembly))
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        // The framework's own request lines carry the query string, where the hub's access_token travels.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        return builder;
    }
}
