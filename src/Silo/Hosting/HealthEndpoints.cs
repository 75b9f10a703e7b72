using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Community.Silo.Hosting;

/// <summary>Liveness and readiness, for a proxy or an orchestrator, on every kind of node.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" }));
        app.MapGet("/health/ready", GetReadiness);
        return app;
    }

    /// <summary>Ready once start-up (migrations, bootstrap) has finished and until shutdown begins.</summary>
    public static Results<Ok<object>, ProblemHttpResult> GetReadiness(IHostApplicationLifetime lifetime) =>
        lifetime.ApplicationStarted.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested
            ? TypedResults.Ok<object>(new { status = "ready" })
            : TypedResults.Problem("starting or stopping", statusCode: StatusCodes.Status503ServiceUnavailable);
}
