using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Community.Gateway.ApiReference;

/// <summary>The document's title and introduction, and the bearer-token scheme the API uses.</summary>
internal sealed class CommunityDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Community API",
            Version = "v1",
            Description =
                "The REST API of Community, a real-time chat server for company alumni networks. " +
                "Sign in with `POST /api/auth/login` (or sign up with an invitation code at `POST /api/auth/register`) " +
                "and send the token as `Authorization: Bearer <token>`. Errors are `application/problem+json` with a `code` " +
                "(`unauthorized`, `forbidden`, `not_found`, `invalid`, `conflict`, `rate_limited`, `too_large`, `unavailable`). " +
                "Real-time messages, reactions, read receipts and presence go over the SignalR hub at `/hubs/chat`, " +
                "described in the project's `docs/hub.md`. " +
                "Every field names its rule. Text rules: `name` (people's and rooms' names) and `line` are one line " +
                "(no CR, LF, tab or other control character; `name` also no bidirectional controls), `text` may hold newlines and tabs " +
                "(CRLF is kept as LF); every kind is checked as valid Unicode (no lone surrogates, C0/DEL/C1 controls or noncharacters), " +
                "kept in NFC (one-line text trimmed), limited in graphemes, in UTF-8 bytes, and to " +
                $"{Grains.Text.TextRule.MaxMarksPerGrapheme} combining marks per grapheme. `id`: ids given out by the server, and " +
                "client message ids. `handle`: NFKC and lower case, no space anywhere, unique by a look-alike key " +
                "(0/o, 1/l, rn/m, vv/w, cl/d, _ . - as one); letters of other scripts are refused.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The opaque token from sign-in or sign-up.",
        };
        // The operations are grouped by feature (see CommunityOperationTransformer); list those groups only.
        var tags = (document.Paths ?? new OpenApiPaths()).Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(name => new OpenApiTag { Name = name });
        document.Tags = new HashSet<OpenApiTag>(tags);
        return Task.CompletedTask;
    }
}
