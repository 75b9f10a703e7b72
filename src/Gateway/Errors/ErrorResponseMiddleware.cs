using System.Text.Json;
using Community.Grains.Errors;
using ErrorCode = Community.Grains.Errors.ErrorCode;

namespace Community.Gateway.Errors;

/// <summary>
/// Turns refusals thrown anywhere below into problem+json: contract errors as they are,
/// unreadable or oversized bodies as <c>invalid</c> or <c>too_large</c>, a URL under <c>/api</c> no route takes as
/// <c>not_found</c>, a silo that died under the call as <c>unavailable</c> (503, with Retry-After). A request
/// given up because its client went away ends with 499, nginx's "client closed request", not an error.
/// </summary>
internal sealed class ErrorResponseMiddleware(RequestDelegate next)
{
    private const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            // Kestrel refuses an oversized body while the endpoint reads it, and answers a bare 413.
            if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
                await ProblemWriter.WriteAsync(context, CommunityException.TooLarge("the request body is too large"));
            // A URL under /api that no route takes (a value a route's constraint refuses, a path of no route) is answered in the contract's words too.
            else if (context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted && context.GetEndpoint() is null
                && context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                await ProblemWriter.WriteAsync(context, CommunityException.NotFound("no such route"));
        }
        catch (Exception ex) when (!context.Response.HasStarted && AsRefusal(ex) is { } refusal)
        {
            context.Response.Clear();
            await ProblemWriter.WriteAsync(context, refusal);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            context.Response.StatusCode = ClientClosedRequest;
        }
    }

    private static CommunityException? AsRefusal(Exception ex) => ex switch
    {
        CommunityException refusal => refusal,
        _ when SiloFailure.Is(ex) => SiloFailure.AsRefusal(),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => CommunityException.TooLarge("the request body is too large"),
        BadHttpRequestException { InnerException: JsonException json } => CommunityException.Invalid("body", JsonProblem(json)),
        BadHttpRequestException bad => new CommunityException(ErrorCode.Invalid, bad.Message),
        _ => null,
    };

    private static string JsonProblem(JsonException json) =>
        json.Path is { Length: > 1 } path ? $"malformed JSON at {path}" : "malformed JSON";
}
