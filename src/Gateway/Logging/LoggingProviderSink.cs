using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Community.Gateway.Logging;

/// <summary>
/// Hands Serilog events on to a Microsoft.Extensions.Logging logger, with their properties as
/// structured values, so that they meet the node's levels and providers like every other line.
/// </summary>
internal sealed class LoggingProviderSink(ILogger target) : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter Text = new("{Message:lj}", CultureInfo.InvariantCulture);

    public void Emit(LogEvent logEvent)
    {
        var level = logEvent.Level switch
        {
            LogEventLevel.Verbose => LogLevel.Trace,
            LogEventLevel.Debug => LogLevel.Debug,
            LogEventLevel.Information => LogLevel.Information,
            LogEventLevel.Warning => LogLevel.Warning,
            LogEventLevel.Error => LogLevel.Error,
            _ => LogLevel.Critical,
        };
        if (!target.IsEnabled(level)) return;
        var values = logEvent.Properties
            .Select(p => new KeyValuePair<string, object?>(p.Key, p.Value is ScalarValue scalar ? scalar.Value : p.Value.ToString()))
            .Append(new KeyValuePair<string, object?>("{OriginalFormat}", logEvent.MessageTemplate.Text))
            .ToArray();
        target.Log(level, default, values, logEvent.Exception, (_, _) => Render(logEvent));
    }

    private static string Render(LogEvent logEvent)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Text.Format(logEvent, text);
        return text.ToString();
    }
}
