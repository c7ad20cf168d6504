using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Audit.Api.OpenApi;

/// <summary>
/// Declares the error responses every operation can really give (ADR /core/error-handling):
/// 400 wherever input is read, 401/403 wherever a policy applies, 500 everywhere.
/// </summary>
internal static class AdrOperationTransformer
{
    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var readsInput = operation.RequestBody is not null || operation.Parameters is { Count: > 0 }
            || context.Description.HttpMethod is "POST" or "PUT" or "PATCH";

        if (readsInput)
        {
            Add(operation, "400", "The request is invalid; `errors` lists every invalid field.");
        }
        if (!anonymous)
        {
            Add(operation, "401", "No valid bearer token or session.");
            Add(operation, "403", "The caller's role may not do this.");
        }
        Add(operation, "500", "Unexpected error.");
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, string status, string description)
    {
        if (!operation.Responses!.ContainsKey(status))
        {
            operation.Responses[status] = new OpenApiResponse { Description = description };
        }
    }
}
