using System.Net;
using System.Text;
using Audit.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Access;

/// <summary>
/// Every mapped endpoint, called as every kind of caller, must answer the status its row in
/// <see cref="AuthorizationMatrix"/> expects. An endpoint missing from the table fails the test,
/// so nothing new becomes reachable without someone deciding who may call it.
/// </summary>
[TestClass]
public sealed class AuthorizationMatrixTests
{
    [TestMethod]
    public async Task Every_mapped_endpoint_is_in_the_matrix()
    {
        await using var app = new AuditApp();
        using var client = app.CreateClient();

        var mapped = MappedEndpoints(app).ToHashSet();
        var listed = AuthorizationMatrix.Rows.Select(r => r.Endpoint).ToHashSet();

        var missing = mapped.Except(listed).Order().ToList();
        var stale = listed.Except(mapped).Order().ToList();
        Assert.IsEmpty(missing, "endpoints without a row: " + string.Join(", ", missing));
        Assert.IsEmpty(stale, "rows without an endpoint: " + string.Join(", ", stale));
    }

    [TestMethod]
    public async Task Every_endpoint_answers_every_caller_as_the_matrix_says()
    {
        await using var app = new AuditApp();
        // Each caller sends a request per row within a minute; with 300+ rows the admin passed the default 600 a minute
        // and got 429. The limiter has its own tests; here it must not stand between a caller and the rule under test.
        app.Settings["Audit:RequestsPerMinute"] = "100000";
        var world = await MatrixWorld.CreateAsync(app);
        var failures = new StringBuilder();

        foreach (var row in AuthorizationMatrix.Rows)
        {
            foreach (var (caller, expected) in row.Expected)
            {
                using var request = row.Request(world);
                var response = await world.Clients[caller].SendAsync(request);
                if (response.StatusCode != expected)
                {
                    failures.AppendLine($"{row.Endpoint} as {caller}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.AreEqual("", failures.ToString());
    }

    /// <summary>"METHOD /pattern" for every routed endpoint the app maps (health, OpenAPI and pages included).</summary>
    private static IEnumerable<string> MappedEndpoints(AuditApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"));
}
