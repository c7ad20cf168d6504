using System.Net;
using System.Net.Sockets;
using Audit.Api.Problems;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Microsoft.AspNetCore.Http;

namespace Audit.Api.Tests.Problems;

/// <summary>What the reliability drills found: statuses for failures that are not the request's fault, and UTF-8.</summary>
[TestClass]
public sealed class RobustnessProblemTests
{
    [TestMethod]
    public void Database_connectivity_failures_are_503_and_other_failures_500()
    {
        Assert.AreEqual(503, ProblemsExtensions.StatusFor(new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException(111))));
        Assert.AreEqual(503, ProblemsExtensions.StatusFor(new Npgsql.PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01")));
        Assert.AreEqual(503, ProblemsExtensions.StatusFor(new TimeoutException("The operation has timed out.")));
        Assert.AreEqual(503, ProblemsExtensions.StatusFor(new InvalidOperationException("wrapped", new Npgsql.NpgsqlException("Exception while reading from stream"))));
        Assert.AreEqual(500, ProblemsExtensions.StatusFor(new Npgsql.PostgresException("duplicate key", "ERROR", "ERROR", "23505")));
        Assert.AreEqual(500, ProblemsExtensions.StatusFor(new InvalidOperationException("a bug")));
        Assert.AreEqual(413, ProblemsExtensions.StatusFor(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)));
    }

    [TestMethod]
    public async Task Json_body_with_invalid_utf8_in_a_property_name_is_400_and_changes_nothing()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var userId = app.UserIds[admin];
        byte[] body = [.. "{\""u8, 0xFF, .. "expiresAt\":\"2030-01-01T00:00:00Z\"}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await admin.PostAsync(new Uri($"/api/v1/users/{userId}/tokens", UriKind.Relative), content);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString()!);
    }

    [TestMethod]
    public async Task Json_body_in_valid_utf8_still_reaches_the_endpoint()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var expiresAt = DateTimeOffset.UtcNow.AddDays(30).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        using var content = new StringContent($"{{\"expiresAt\":\"{expiresAt}\",\"note\":\"één ✓\"}}", System.Text.Encoding.UTF8, "application/json");

        var response = await admin.PostAsync(new Uri($"/api/v1/users/{app.UserIds[admin]}/tokens", UriKind.Relative), content);

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
