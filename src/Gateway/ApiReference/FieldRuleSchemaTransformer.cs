using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Community.Gateway.ApiReference;

/// <summary>Names the rule of every field of a body in the document (see <see cref="FieldDescriptions"/>).</summary>
internal sealed class FieldRuleSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (property is OpenApiSchema inline && string.IsNullOrEmpty(inline.Description) && FieldDescriptions.Properties.TryGetValue(name, out var rule))
                inline.Description = rule;
        }
        return Task.CompletedTask;
    }
}
