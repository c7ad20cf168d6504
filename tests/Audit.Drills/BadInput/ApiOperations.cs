using System.Text.Json;

namespace Audit.Drills.BadInput;

/// <summary>One operation of the OpenAPI document, with its path relative to the server url.</summary>
public sealed record ApiOperation(string Method, string PathTemplate, bool HasBody, bool BodyRequired, IReadOnlyList<string> PathParameters, IReadOnlyList<string> QueryParameters)
{
    public string Key => $"{Method} {PathTemplate}";

    /// <summary>Changes data when it succeeds, so the drill never sends it with ids that exist and no defect in the body.</summary>
    public bool Mutates => Method is not "GET";

    /// <summary>Every operation in the document, in document order (the order is part of the seed's meaning).</summary>
    public static IReadOnlyList<ApiOperation> FromOpenApi(JsonElement document)
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var parameters = op.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                string[] Named(string location) => parameters
                    .Where(x => x.GetProperty("in").GetString() == location).Select(x => x.GetProperty("name").GetString()!).ToArray();
                var hasBody = op.Value.TryGetProperty("requestBody", out var body);
                var required = hasBody && body.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
                operations.Add(new ApiOperation(op.Name.ToUpperInvariant(), path.Name, hasBody, required,
                    Named("path"), Named("query")));
            }
        }
        return operations;
    }
}
