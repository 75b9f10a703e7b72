using Community.Gateway.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Community.Gateway.ApiReference;

/// <summary>
/// Marks the operations that need a token (and, for the secretariat's, which role), names the rule
/// of each parameter, gives every operation the contract's error answer, and the anonymous ones their limits.
/// </summary>
internal sealed class CommunityOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var authorize = metadata.OfType<IAuthorizeData>().ToArray();
        if (!anonymous && authorize.Length > 0)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(CommunityDocumentTransformer.BearerScheme, context.Document)] = [],
            });
            if (authorize.Any(a => a.Policy == Auth.AuthPolicies.Secretariat))
                operation.Description = string.IsNullOrEmpty(operation.Description) ? "For the secretariat only." : $"{operation.Description} For the secretariat only.";
        }
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter inline && string.IsNullOrEmpty(inline.Description) && inline.Name is { } name
                && (FieldDescriptions.RouteParameters.TryGetValue((context.Description.RelativePath ?? "", name), out var rule)
                    || FieldDescriptions.Parameters.TryGetValue(name, out rule)))
                inline.Description = rule;
        }
        operation.Tags = new HashSet<OpenApiTagReference> { new(TagOf(context.Description.RelativePath ?? ""), context.Document) };
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("default", new OpenApiResponse
        {
            Description = "An error: `application/problem+json` with the contract's `code` and a `detail` that says what to fix.",
        });
        if (metadata.OfType<EnableRateLimitingAttribute>().Any(limit => limit.PolicyName == AnonymousRateLimit.Policy))
        {
            operation.Responses.TryAdd("429", new OpenApiResponse
            {
                Description = "`rate_limited`, with `Retry-After` and `retryAfterSeconds`: too many attempts from this client address " +
                    "(`Community:Limits:AnonymousRequestBurst`, then `AnonymousRequestsPerMinute`; 30 and 30 by default), " +
                    "too many sign-in attempts for this handle (`LoginAttemptsPerWindow` per `LoginWindow`), or too many sign-ins " +
                    "waiting for a password hash (`PasswordHashQueue`). Sign-up checks the invitation code before it hashes the password.",
            });
        }
        return Task.CompletedTask;
    }

    /// <summary>Operations grouped by feature, from the path: <c>api/rooms/…</c> → Rooms, <c>api/admin/…</c> → Secretariat.</summary>
    private static string TagOf(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var feature = segments is ["api", var first, ..] ? first : segments.FirstOrDefault() ?? "";
        return feature switch
        {
            "admin" => "Secretariat",
            "auth" or "me" => "Accounts",
            "members" => "Members",
            "rooms" when path.Contains("/meetups", StringComparison.Ordinal) || path.Contains("/calendar-feed", StringComparison.Ordinal) => "Meetups",
            "calendar" => "Meetups",
            "rooms" when path.Contains("/replies", StringComparison.Ordinal) || path.Contains("/pins", StringComparison.Ordinal) => "Threads and pins",
            "rooms" when path.Contains("/polls", StringComparison.Ordinal) => "Polls",
            "rooms" => "Rooms",
            "surveys" => "Surveys",
            "dms" => "DMs",
            "stamps" => "Stamps",
            "reports" => "Moderation",
            "search" => "Search",
            "health" => "Health",
            "client" => "Web client",
            _ => "Other",
        };
    }
}
