using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Audit.Api.Tests.Infrastructure;
using static Audit.Api.Tests.Reports.ReportWorld;

namespace Audit.Api.Tests.Reports;

/// <summary>
/// <c>GET /api/v1/participations/{id}/board-summary</c>: the feedback report's access, languages, formats and
/// report policy; the bureau's reads on record under their own action; analysts' text escaped; two PDF pages.
/// </summary>
[TestClass]
public sealed partial class BoardSummaryApiTests
{
    private static string Url(ReportWorld world, string institutionId) => $"/api/v1/participations/{world.Participations[institutionId]}/board-summary";

    [TestMethod]
    public async Task Same_access_as_the_feedback_report_before_and_after_publication()
    {
        await using var world = await CreateSmallAsync("board-access");

        await HtmlAsync(await GetAsync(world.Analyst, Url(world, Own)));
        await ProblemAssert.IsProblemAsync(await GetAsync(world.OwnRespondent, Url(world, Own)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.Ministry, Url(world, Own)), HttpStatusCode.NotFound);

        await world.PublishAsync();

        var own = await HtmlAsync(await GetAsync(world.OwnRespondent, Url(world, Own)));
        Assert.Contains("Samenvatting voor het bestuursgesprek", own);
        Assert.Contains("Universiteit van Amsterdam", own);
        Assert.Contains(world.RoundId, own, "the provenance footer names the round");
        await ProblemAssert.IsProblemAsync(await GetAsync(world.OwnRespondent, Url(world, Other)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.OtherRespondent, Url(world, Own)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.Ministry, Url(world, Own)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.Ministry, "/api/v1/participations/p_unknown/board-summary"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.OwnRespondent, "/api/v1/participations/p_unknown/board-summary"), HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task The_html_carries_the_report_policy_and_the_frame_rule_of_the_feedback_report()
    {
        await using var world = await CreateSmallAsync("board-headers");

        var summary = await GetAsync(world.Analyst, Url(world, Own));
        var feedback = await GetAsync(world.Analyst, world.FeedbackUrl(Own));
        await HtmlAsync(summary);

        var policy = summary.Headers.GetValues("Content-Security-Policy").Single();
        Assert.AreEqual(StyleHash().Replace(feedback.Headers.GetValues("Content-Security-Policy").Single(), "HASH"), StyleHash().Replace(policy, "HASH"));
        Assert.Contains("frame-ancestors 'self'", policy);
        Assert.AreEqual(feedback.Headers.GetValues("X-Frame-Options").Single(), summary.Headers.GetValues("X-Frame-Options").Single());
    }

    [GeneratedRegex("'sha256-[^']+'")]
    private static partial Regex StyleHash();

    [TestMethod]
    public async Task English_with_lang_en_and_every_invalid_option_listed()
    {
        await using var world = await CreateSmallAsync("board-lang");

        var english = await HtmlAsync(await GetAsync(world.Analyst, Url(world, Own) + "?lang=en"));
        var problem = await ProblemAssert.IsProblemAsync(await GetAsync(world.Analyst, Url(world, Own) + "?lang=fr&format=docx"), HttpStatusCode.BadRequest);

        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Summary for the board conversation", english);
        Assert.IsTrue(problem.GetProperty("errors").TryGetProperty("lang", out _));
        Assert.IsTrue(problem.GetProperty("errors").TryGetProperty("format", out _));
    }

    [TestMethod]
    public async Task Bureau_reads_are_on_record_and_an_analysts_markup_comes_out_escaped()
    {
        await using var world = await CreateSmallAsync("board-audit");
        await world.PublishAsync();
        var response = await world.Analyst.PutAsJsonAsync($"/api/v1/participations/{world.Participations[Own]}/findings", new
        {
            themes = new[] { new { themeKey = "governance", finding = "Goed.", recommendation = "Beleg <script>alert(1)</script> <b>nu</b> & snel." } },
            summary = "Samenvatting",
        });
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());

        var html = await HtmlAsync(await GetAsync(world.Analyst, Url(world, Own)));
        await HtmlAsync(await GetAsync(world.OwnRespondent, Url(world, Own)));

        Assert.Contains("Beleg &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;nu&lt;/b&gt; &amp; snel.", html);
        Assert.DoesNotContain("<script>", html);
        var reads = await world.EventsAsync(world.Participations[Own], "board-summary.read");
        Assert.HasCount(1, reads, "the analyst's read; the institution reading its own summary is not a confidential read");
        Assert.StartsWith("nl html sha256:", reads[0].Summary!);
    }

    [TestMethod]
    public async Task A_pdf_request_gets_a_download_of_at_most_two_pages()
    {
        const string Chromium = "/usr/bin/chromium";
        if (!File.Exists(Chromium))
        {
            if (Environment.GetEnvironmentVariable("AUDIT_REQUIRE_BROWSER") == "1")
            {
                Assert.Fail($"AUDIT_REQUIRE_BROWSER=1 but {Chromium} is missing (apt-get install chromium).");
            }
            Assert.Inconclusive($"{Chromium} is not installed.");
        }
        await using var world = await CreateSmallAsync("board-pdf", app => app.Settings["Reports:ChromiumPath"] = Chromium);
        await world.PublishAsync();

        var response = await GetAsync(world.OwnRespondent, Url(world, Own) + "?format=pdf&lang=en");
        var pdf = await response.Content.ReadAsByteArrayAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, Encoding.UTF8.GetString(pdf));
        Assert.AreEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual($"bestuursgesprek-{world.RoundId}-{Own}.pdf", response.Content.Headers.ContentDisposition?.FileName);
        Assert.AreEqual("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var pages = PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;
        Assert.IsTrue(pages is 1 or 2, $"{pages} pages");
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
