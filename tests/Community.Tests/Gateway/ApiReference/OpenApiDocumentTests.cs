using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Community.Grains.Text;
using Community.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Community.Tests.Gateway.ApiReference;

/// <summary>The OpenAPI document describes the whole REST API, and its readable page is served.</summary>
public sealed partial class OpenApiDocumentTests(SharedNodeFixture fixture) : IClassFixture<SharedNodeFixture>
{
    /// <summary>Routes that are not the REST API: the hub, the reference itself, the web client's files and pages.</summary>
    private static readonly string[] NotRestPrefixes = ["/hubs", "/openapi", "/scalar"];

    [Fact]
    public async Task Every_mapped_route_appears_in_the_document_with_its_method()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");
        var documented = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();

        var mapped = RestRoutes().ToArray();

        Assert.NotEmpty(mapped);
        var missing = mapped.Where(route => !documented.Contains(route)).ToArray();
        Assert.True(missing.Length == 0, $"mapped but not in the document: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task The_document_names_the_bearer_scheme_and_marks_operations_that_need_it()
    {
        var document = await DocumentAsync();

        Assert.Equal("http", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("type").GetString());
        var rooms = document.GetProperty("paths").GetProperty("/api/rooms").GetProperty("get");
        Assert.True(rooms.TryGetProperty("security", out _), "GET /api/rooms needs a token and should say so");
        var login = document.GetProperty("paths").GetProperty("/api/auth/login").GetProperty("post");
        Assert.False(login.TryGetProperty("security", out _), "signing in needs no token");
    }

    [Fact]
    public async Task Sign_in_and_sign_up_name_their_rate_limits_and_other_operations_do_not()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        foreach (var path in new[] { "/api/auth/login", "/api/auth/register" })
        {
            var limited = paths.GetProperty(path).GetProperty("post").GetProperty("responses").GetProperty("429").GetProperty("description").GetString();
            Assert.Contains("rate_limited", limited);
            Assert.Contains("AnonymousRequestBurst", limited);
        }
        Assert.False(paths.GetProperty("/api/rooms").GetProperty("get").GetProperty("responses").TryGetProperty("429", out _));
    }

    [Fact]
    public async Task The_document_names_the_text_rule_of_each_field_and_parameter()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        Assert.Equal(FieldRules.DisplayName.Describe(), schemas.GetProperty("RegisterRequest").GetProperty("properties").GetProperty("displayName").GetProperty("description").GetString());
        Assert.Equal(Handles.Rule, schemas.GetProperty("LoginRequest").GetProperty("properties").GetProperty("handle").GetProperty("description").GetString());
        Assert.Equal(FieldRules.Bio.Describe(), schemas.GetProperty("ProfileUpdate").GetProperty("properties").GetProperty("bio").GetProperty("description").GetString());
        Assert.Contains(FieldRules.RoomName.Describe(), schemas.GetProperty("CreateRoomRequest").GetProperty("properties").GetProperty("name").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(FieldRules.ReportReason.Describe(), schemas.GetProperty("ReportRequest").GetProperty("properties").GetProperty("reason").GetProperty("description").GetString());
        var search = document.GetProperty("paths").GetProperty("/api/members").GetProperty("get").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "q");
        Assert.Contains(FieldRules.SearchQuery.Describe(), search.GetProperty("description").GetString(), StringComparison.Ordinal);
        var roomId = document.GetProperty("paths").GetProperty("/api/rooms/{id}").GetProperty("get").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "id");
        Assert.Equal(ClientIds.Rule, roomId.GetProperty("description").GetString());
        Assert.Contains(FieldRules.RoomNotice.Describe(), schemas.GetProperty("NoticeRequest").GetProperty("properties").GetProperty("text").GetProperty("description").GetString(), StringComparison.Ordinal);
        var replies = document.GetProperty("paths").GetProperty("/api/rooms/{id}/messages/{seq}/replies").GetProperty("get").GetProperty("parameters").EnumerateArray();
        Assert.Contains("nextCursor", replies.Single(p => p.GetProperty("name").GetString() == "after").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_search_names_its_own_query_rule_and_its_answer()
    {
        var document = await DocumentAsync();
        var operation = document.GetProperty("paths").GetProperty("/api/search/messages").GetProperty("get");
        var parameters = operation.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("description").GetString());

        Assert.Contains(FieldRules.MessageSearchQuery.Describe(), parameters["q"], StringComparison.Ordinal);
        Assert.Contains(ClientIds.Rule, parameters["roomId"], StringComparison.Ordinal);
        Assert.Contains(ClientIds.Rule, parameters["from"], StringComparison.Ordinal);
        Assert.Contains("nextBefore", parameters["before"], StringComparison.Ordinal);
        var said = string.Join(' ', new[] { "summary", "description" }.Select(p => operation.TryGetProperty(p, out var v) ? v.GetString() : null));
        Assert.Contains("Newest first", said, StringComparison.Ordinal);
        var hit = document.GetProperty("components").GetProperty("schemas").GetProperty("MessageSearchHitView").GetProperty("properties");
        Assert.True(hit.TryGetProperty("snippet", out _));
    }

    [Fact]
    public async Task The_readable_reference_page_is_served_without_a_token()
    {
        var response = await fixture.Node.Anonymous.GetAsync("/scalar").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await fixture.Node.Anonymous.GetAsync("/openapi/v1.json").WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>"GET /api/rooms/{id}" for every endpoint the node mapped, route constraints left out as OpenAPI does.</summary>
    private IEnumerable<string> RestRoutes()
    {
        var sources = fixture.Node.Services.GetServices<EndpointDataSource>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (NotRestPrefixes.Any(p => pattern.StartsWith(p, StringComparison.Ordinal))) continue;
            if (pattern.Contains("{**", StringComparison.Ordinal) || pattern.Contains("{*", StringComparison.Ordinal)) continue;
            if (pattern == "/" || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods) continue;
            if (IsWebClient(endpoint)) continue;
            var path = Constraint().Replace(pattern, "{$1}");
            foreach (var method in methods.HttpMethods) yield return $"{method} {path}";
        }
    }

    /// <summary>The client's built files and its own pages (answered with index.html).</summary>
    private static bool IsWebClient(RouteEndpoint endpoint) =>
        endpoint.DisplayName?.StartsWith("Fallback", StringComparison.Ordinal) == true
        || endpoint.Metadata.Any(m => m.GetType().Namespace == "Microsoft.AspNetCore.StaticAssets");

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)(:[^}]*)?\}")]
    private static partial Regex Constraint();
}
