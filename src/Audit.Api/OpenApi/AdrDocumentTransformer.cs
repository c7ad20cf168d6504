using System.Text.Json.Nodes;
using Audit.Api.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Audit.Api.OpenApi;

/// <summary>
/// Rewrites the generated document to the API Design Rules: the server URL carries the major
/// version (paths are relative to it), every 2xx/3xx declares <c>API-Version</c>, and every
/// 4xx/5xx is <c>application/problem+json</c> with status, title and detail.
/// </summary>
internal static class AdrDocumentTransformer
{
    public const string ProblemSchema = "Problem";

    public static Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Audit API",
            Version = ApiVersionHeader.Version,
            Description = "API van de externe audit kennisveiligheid: vragenlijsten, auditrondes, deelnames, antwoorden, sectorbeelden en rapporten. " +
                "Clients authenticate with a bearer token (a personal access token or, where configured, an OIDC access token). " +
                "The web pages call the API with their session cookie; such a write (any method but GET, HEAD, OPTIONS, TRACE) must also carry " +
                "the page's antiforgery token in the RequestVerificationToken header, or it is refused with 400.",
            Contact = new OpenApiContact
            {
                Name = "Audit kennisveiligheid — beheer",
                Email = "audit-beheer@example.nl",
                Url = new Uri("https://example.nl/audit-kennisveiligheid"),
            },
        };
        document.Servers = [new OpenApiServer { Url = ApiVersionHeader.MajorPath, Description = "This service, version 1" }];
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();

        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith(ApiVersionHeader.MajorPath + "/", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                NormaliseResponses(operation, document);
            }
            paths[path[ApiVersionHeader.MajorPath.Length..]] = item;
        }
        document.Paths = paths;
        return Task.CompletedTask;
    }

    private static void NormaliseResponses(OpenApiOperation operation, OpenApiDocument document)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }
            if (status.StartsWith('2') || status.StartsWith('3'))
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers[ApiVersionHeader.Name] = new OpenApiHeader
                {
                    Description = "The full version of the API that answered.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    Example = JsonValue.Create(ApiVersionHeader.Version),
                };
            }
            else if (status.StartsWith('4') || status.StartsWith('5'))
            {
                concrete.Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                };
            }
        }
    }

    /// <summary>RFC 9457 problem details as Audit sends them; <c>errors</c> only on validation problems.</summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "status", "title", "detail" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Every invalid field, keyed by its JSON path.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}
