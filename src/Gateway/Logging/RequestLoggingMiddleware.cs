using System.Diagnostics;

namespace Community.Gateway.Logging;

/// <summary>One log line per request: method, path, status and time. The query string is left out: it may carry a token.</summary>
internal sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            GatewayLog.Request(logger, context.Request.Method, context.Request.Path.Value ?? "/", context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
