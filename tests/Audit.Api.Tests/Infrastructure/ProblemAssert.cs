using System.Net;
using System.Text.Json;

namespace Audit.Api.Tests.Infrastructure;

/// <summary>Checks that a response is an RFC 9457 problem with status, title and detail.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.AreEqual(status, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = document.RootElement.Clone();
        Assert.AreEqual((int)status, problem.GetProperty("status").GetInt32());
        Assert.IsFalse(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.IsFalse(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
