using System.Net;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;

namespace Audit.Api.Tests.OpenApi;

/// <summary>
/// The OpenAPI document is public and shaped for the API Design Rules linter. When
/// <c>AUDIT_OPENAPI_OUTPUT</c> is set, the document is written there so <c>.ci/run</c> can lint it with Spectral.
/// </summary>
[TestClass]
public sealed class OpenApiDocumentTests
{
    [TestMethod]
    public async Task The_document_is_served_without_auth_and_follows_the_design_rules()
    {
        await using var app = new AuditApp();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/v1/openapi.json", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("1.0.0", response.Headers.GetValues("API-Version").Single());
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.AreEqual("1.0.0", root.GetProperty("info").GetProperty("version").GetString());
        Assert.AreEqual("/api/v1", root.GetProperty("servers")[0].GetProperty("url").GetString());
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            Assert.IsFalse(path.Name.StartsWith("/api/", StringComparison.Ordinal), $"{path.Name} is relative to the server URL");
            Assert.IsFalse(path.Name.Length > 1 && path.Name.EndsWith('/'), $"{path.Name} has a trailing slash");
            foreach (var operation in path.Value.EnumerateObject())
            {
                AssertResponses(path.Name + " " + operation.Name, operation.Value.GetProperty("responses"));
            }
        }
        if (Environment.GetEnvironmentVariable("AUDIT_OPENAPI_OUTPUT") is { Length: > 0 } output)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.WriteAllTextAsync(output, text);
        }
    }

    private static void AssertResponses(string operation, JsonElement responses)
    {
        foreach (var response in responses.EnumerateObject())
        {
            if (response.Name[0] is '2' or '3')
            {
                Assert.IsTrue(response.Value.GetProperty("headers").TryGetProperty("API-Version", out _), $"{operation} {response.Name} lacks API-Version");
            }
            else
            {
                Assert.IsTrue(response.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{operation} {response.Name} is not a problem");
            }
        }
    }
}
