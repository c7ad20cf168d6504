using System.Net;
using System.Net.Http.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Pages;

namespace Audit.Api.Tests.Access;

/// <summary>
/// A browser's session cookie alone does not authorise a write to the API: the antiforgery token must come along in
/// the RequestVerificationToken header, as the autosave script sends it. Bearer tokens are not affected.
/// </summary>
[TestClass]
public sealed class ApiAntiforgeryTests
{
    private static HttpRequestMessage Put(RespondentWorld world, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/participations/{world.OwnId}/answers/risicoanalyse.uitgevoerd")
        {
            Content = JsonContent.Create(new { value = "yes" }),
        };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }
        return request;
    }

    [TestMethod]
    public async Task A_session_write_without_the_header_is_refused_and_with_it_is_saved()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var session = await world.SessionAsync();
        var token = await RespondentWorld.TokenAsync(session, world.ThemePath);

        var missing = await session.SendAsync(Put(world, null));
        var wrong = await session.SendAsync(Put(world, "not-a-token"));
        var delete = await session.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/participations/{world.OwnId}/answers/risicoanalyse.uitgevoerd"));
        Assert.IsEmpty(await world.AnswersAsync(), "nothing was written");

        var saved = await session.SendAsync(Put(world, token));

        var problem = await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest);
        Assert.Contains("RequestVerificationToken", problem.GetProperty("detail").GetString()!);
        await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.BadRequest);
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        Assert.AreEqual("\"1\"", saved.Headers.ETag?.ToString());
        Assert.AreEqual(HttpStatusCode.OK, (await session.GetAsync(new Uri($"/api/v1/participations/{world.OwnId}/answers", UriKind.Relative))).StatusCode,
            "reading needs no token");
    }

    [TestMethod]
    public async Task A_bearer_token_writes_without_the_header()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var client = await world.BrowserAsync();

        var saved = await client.SendAsync(Put(world, null));

        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
    }
}
