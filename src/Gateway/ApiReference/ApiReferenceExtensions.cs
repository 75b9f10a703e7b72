using Scalar.AspNetCore;

namespace Community.Gateway.ApiReference;

internal static class ApiReferenceExtensions
{
    public const string DocumentName = "v1";

    /// <summary>The OpenAPI document of the REST API, generated from the endpoints themselves.</summary>
    public static WebApplicationBuilder AddApiReference(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<CommunityDocumentTransformer>();
            options.AddOperationTransformer<CommunityOperationTransformer>();
            options.AddSchemaTransformer<FieldRuleSchemaTransformer>();
        });
        return builder;
    }

    /// <summary><c>/openapi/v1.json</c>, and a readable page of it at <c>/scalar</c>; neither needs a token.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        // The page loads nothing from elsewhere (fonts, telemetry, assistants): it is served with the node.
        app.MapScalarApiReference("/scalar", options => options
            .WithTitle("Community API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddDocument(DocumentName)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools())
            .AllowAnonymous();
        return app;
    }
}
