using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using static Audit.Api.Tests.Collection.CollectionFixture;

namespace Audit.Api.Tests.Collection;

/// <summary>
/// If-Match as RFC 9110 §13.1.1 defines it, on the answer and findings writes (issue 16): a well-formed tag that does
/// not match is 412, <c>*</c> matches any current version, a list matches when one entry does, a weak tag never
/// matches (strong comparison); only a header that is not <c>*</c> or a list of entity tags is 400. A DELETE of an answer that
/// does not exist stays 404 whatever its If-Match.
/// </summary>
[TestClass]
public sealed class IfMatchTests
{
    private const string Key = "governance.bestuurder";
    private const string OtherKey = "governance.adviesteam";

    /// <summary>Sends <paramref name="ifMatch"/> exactly as written, the way a hand-made client would.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? ifMatch, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            Assert.IsTrue(request.Headers.TryAddWithoutValidation("If-Match", ifMatch));
        }
        return await client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, string? ifMatch, string value = "yes") =>
        SendAsync(client, HttpMethod.Put, url, ifMatch, new { value, comment = (string?)null });

    private static async Task<int> VersionOfAsync(HttpResponseMessage response)
    {
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
    }

    [TestMethod]
    public async Task Answer_writes_follow_rfc_9110_if_match()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var respondent = await app.ClientForAsync(Role.Respondent, Own);
        var (own, _) = await OpenRoundAsync(admin, "2023-if-match");
        var url = $"{AnswersUrl(own)}/{Key}";
        Assert.AreEqual(1, await VersionOfAsync(await PutAsync(respondent, url, null)));

        foreach (var tag in new[] { "\"0\"", "\"-1\"", "\"abc\"", "W/\"1\"", "\"2\", \"3\"" })
        {
            var refused = await ProblemAssert.IsProblemAsync(await PutAsync(respondent, url, tag, "no"), HttpStatusCode.PreconditionFailed);
            Assert.AreEqual(1, refused.GetProperty("current").GetProperty("version").GetInt32(), tag);
        }
        foreach (var malformed in new[] { "1", "\"1", "*, \"1\"", "\"1\" \"2\"", "W/1" })
        {
            await ProblemAssert.IsProblemAsync(await PutAsync(respondent, url, malformed, "no"), HttpStatusCode.BadRequest);
        }
        var stored = (await respondent.GetFromJsonAsync<JsonElement>(AnswersUrl(own))).GetProperty("answers").EnumerateArray().Single();
        Assert.AreEqual(1, stored.GetProperty("version").GetInt32(), "nothing refused was written");

        Assert.AreEqual(2, await VersionOfAsync(await PutAsync(respondent, url, "\"999\", \"1\"", "no")), "a list matches when any entry does");
        Assert.AreEqual(3, await VersionOfAsync(await PutAsync(respondent, url, "W/\"2\", \"2\"", "yes")), "a weak entry beside a strong one");
        Assert.AreEqual(4, await VersionOfAsync(await PutAsync(respondent, url, "*", "no")), "* matches an existing answer");
        await ProblemAssert.IsProblemAsync(await PutAsync(respondent, $"{AnswersUrl(own)}/{OtherKey}", "*"), HttpStatusCode.PreconditionFailed);
        await ProblemAssert.IsProblemAsync(await PutAsync(respondent, $"{AnswersUrl(own)}/{OtherKey}", "\"1\""), HttpStatusCode.PreconditionFailed);

        // Clearing: the same rules.
        foreach (var tag in new[] { "\"0\"", "\"abc\"", "W/\"4\"", "\"1\", \"2\"" })
        {
            await ProblemAssert.IsProblemAsync(await SendAsync(respondent, HttpMethod.Delete, url, tag), HttpStatusCode.PreconditionFailed);
        }
        await ProblemAssert.IsProblemAsync(await SendAsync(respondent, HttpMethod.Delete, url, "4"), HttpStatusCode.BadRequest);
        Assert.AreEqual(HttpStatusCode.NoContent, (await SendAsync(respondent, HttpMethod.Delete, url, "\"7\", \"4\"")).StatusCode);
        Assert.AreEqual(6, await VersionOfAsync(await PutAsync(respondent, url, null)));
        Assert.AreEqual(HttpStatusCode.NoContent, (await SendAsync(respondent, HttpMethod.Delete, url, "*")).StatusCode);
        // With no answer to clear the DELETE would be 404 without If-Match, so it is 404 with it (RFC 9110 §13.2.1).
        await ProblemAssert.IsProblemAsync(await SendAsync(respondent, HttpMethod.Delete, url, "*"), HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task Findings_writes_follow_rfc_9110_if_match()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var analyst = await app.ClientForAsync(Role.Analyst);
        var (own, _) = await OpenRoundAsync(admin, "2023-if-match-findings");
        var url = $"/api/v1/participations/{own}/findings";
        var findings = new { themes = new[] { new { themeKey = "governance", finding = "Goed belegd.", recommendation = (string?)null } }, summary = "Op orde." };

        await ProblemAssert.IsProblemAsync(await SendAsync(analyst, HttpMethod.Put, url, "*", findings), HttpStatusCode.PreconditionFailed);
        Assert.AreEqual(1, await VersionOfAsync(await SendAsync(analyst, HttpMethod.Put, url, null, findings)));

        foreach (var tag in new[] { "\"0\"", "\"-1\"", "\"abc\"", "W/\"1\"", "\"2\", \"3\"" })
        {
            await ProblemAssert.IsProblemAsync(await SendAsync(analyst, HttpMethod.Put, url, tag, findings), HttpStatusCode.PreconditionFailed);
        }
        await ProblemAssert.IsProblemAsync(await SendAsync(analyst, HttpMethod.Put, url, "1", findings), HttpStatusCode.BadRequest);
        Assert.AreEqual(2, await VersionOfAsync(await SendAsync(analyst, HttpMethod.Put, url, "\"999\", \"1\"", findings)));
        Assert.AreEqual(3, await VersionOfAsync(await SendAsync(analyst, HttpMethod.Put, url, "*", findings)));
    }
}
