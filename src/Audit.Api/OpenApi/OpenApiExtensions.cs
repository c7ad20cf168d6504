using Audit.Api.Hosting;

namespace Audit.Api.OpenApi;

public static class OpenApiExtensions
{
    public const string DocumentPath = ApiVersionHeader.MajorPath + "/openapi.json";

    /// <summary>
    /// One OpenAPI 3.1 document for <c>/api/v1</c>, shaped to pass the Logius API Design Rules
    /// linter: version header on every success, problem+json on every error, contact, semver.
    /// </summary>
    public static WebApplicationBuilder AddAuditOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options =>
        {
            options.AddOperationTransformer(AdrOperationTransformer.TransformAsync);
            options.AddDocumentTransformer(AdrDocumentTransformer.TransformAsync);
            // A calendar date a request carries as text (so that a wrong one is listed with the other invalid fields
            // instead of failing the whole body) is still a date to clients: the ADR rule wants format "date".
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonPropertyInfo is { Name: "date", PropertyType: var type } && type == typeof(string))
                {
                    schema.Format = "date";
                }
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapOpenApiDocument(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        return app;
    }
}
