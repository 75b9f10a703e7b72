using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Settings.Configuration;

namespace Community.Silo.Hosting;

public static class LoggingExtensions
{
    private static readonly (string Category, LogLevel Level)[] Quieted =
    [
        // The framework's own request lines carry the query string, where the hub's access_token travels.
        ("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning),
        // SignalR logs every refused call as an error; the hub's error filter logs the real failures.
        ("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.None),
    ];

    /// <summary>The levels and sink a node logs with unless its configuration says otherwise.</summary>
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Serilog:MinimumLevel:Default"] = "Information",
        ["Serilog:MinimumLevel:Override:Microsoft"] = "Warning",
        ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Information",
        ["Serilog:MinimumLevel:Override:System"] = "Warning",
        ["Serilog:MinimumLevel:Override:Npgsql"] = "Warning",
        // Orleans and its resilience pipelines log every grain placement and membership step.
        ["Serilog:MinimumLevel:Override:Orleans"] = "Warning",
        ["Serilog:MinimumLevel:Override:Polly"] = "Warning",
        ["Serilog:WriteTo:0:Name"] = "Console",
        ["Serilog:WriteTo:0:Args:outputTemplate"] = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
    };

    /// <summary>Serilog under Microsoft.Extensions.Logging: console sink, levels from the <c>Serilog</c> configuration section.</summary>
    public static WebApplicationBuilder AddCommunityLogging(this WebApplicationBuilder builder)
    {
        // First, so that every other source (appsettings.json, environment, command line) overrides them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
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
