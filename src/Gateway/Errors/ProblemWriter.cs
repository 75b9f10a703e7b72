using Community.Grains.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Community.Gateway.Errors;

/// <summary>Writes a refusal as <c>application/problem+json</c> with the contract's <c>code</c>.</summary>
public static class ProblemWriter
{
    public static ProblemDetails ToProblem(CommunityException error)
    {
        var problem = new ProblemDetails
        {
            Status = error.Code.ToHttpStatus(),
            Title = error.Code.ToWire(),
            Detail = error.Message,
        };
        problem.Extensions["code"] = error.Code.ToWire();
        if (error.RetryAfter is { } retryAfter) problem.Extensions["retryAfterSeconds"] = (int)Math.Ceiling(retryAfter.TotalSeconds);
        return problem;
    }

    public static async Task WriteAsync(HttpContext context, CommunityException error)
    {
        var problem = ToProblem(error);
        context.Response.StatusCode = problem.Status!.Value;
        if (error.RetryAfter is { } retryAfter)
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
