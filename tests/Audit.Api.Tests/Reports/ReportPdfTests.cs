using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Audit.Api.Reports;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Reports;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Reports.ReportWorld;

namespace Audit.Api.Tests.Reports;

/// <summary>
/// PDFs through the API. With Chromium at /usr/bin/chromium a real PDF comes back (inconclusive without it, unless
/// AUDIT_REQUIRE_BROWSER=1 makes that a failure); with <c>Reports:ChromiumPath</c> pointing nowhere, a 501 names the setting.
/// </summary>
[TestClass]
public sealed partial class ReportPdfTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static void RequireBrowser()
    {
        if (File.Exists(Chromium))
        {
            return;
        }
        if (Environment.GetEnvironmentVariable("AUDIT_REQUIRE_BROWSER") == "1")
        {
            Assert.Fail($"AUDIT_REQUIRE_BROWSER=1 but {Chromium} is missing (apt-get install chromium).");
        }
        Assert.Inconclusive($"{Chromium} is not installed.");
    }

    /// <summary>Page objects in the PDF ("/Type /Page", not "/Type /Pages").</summary>
    private static int PageCount(byte[] pdf) => PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    [TestMethod]
    public async Task A_pdf_request_gets_a_real_multi_page_pdf_and_after_the_job_the_stored_one()
    {
        RequireBrowser();
        await using var world = await CreateSmallAsync("pdf-real", app => app.Settings["Reports:ChromiumPath"] = Chromium);
        await world.PublishAsync();

        var response = await GetAsync(world.OwnRespondent, world.FeedbackUrl(Own), "application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, Encoding.UTF8.GetString(pdf));
        Assert.AreEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual($"terugkoppeling-{world.RoundId}-{Own}.pdf", response.Content.Headers.ContentDisposition?.FileName);
        Assert.AreEqual("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.IsGreaterThan(1, PageCount(pdf), "every question of the questionnaire with the own answer fills several A4 pages");

        var outcome = await world.App.Services.GetRequiredService<RenderReportsJob>().RunAsync(world.RoundId, CancellationToken.None);

        Assert.IsTrue(outcome.PdfAvailable);
        Assert.AreEqual(16, outcome.Stored, "four reports, two languages, HTML and PDF");
        var stored = world.App.Services.GetRequiredService<IRenderedReportRepository>();
        var file = (await stored.ListAsync(world.RoundId)).Single(f => f.Key.Kind == ReportKinds.Parliament && f.Key is { Format: "pdf", Language: "nl" });
        var served = await (await GetAsync(world.Ministry, world.ParliamentUrl, "application/pdf")).Content.ReadAsByteArrayAsync();
        Assert.AreSequenceEqual((await stored.GetAsync(file.Key))!.Content, served);
        Assert.AreEqual("%PDF-", Encoding.ASCII.GetString(served, 0, 5));
    }

    [TestMethod]
    public async Task Without_chromium_a_pdf_request_is_a_501_naming_the_setting_and_html_still_works()
    {
        const string missing = "/nonexistent/chromium";
        await using var world = await CreateSmallAsync("pdf-missing", app => app.Settings["Reports:ChromiumPath"] = missing);

        var problem = await ProblemAssert.IsProblemAsync(await GetAsync(world.Analyst, world.FeedbackUrl(Own), "application/pdf"), HttpStatusCode.NotImplemented);

        Assert.Contains("Reports:ChromiumPath", problem.GetProperty("detail").GetString()!);
        Assert.Contains(missing, problem.GetProperty("detail").GetString()!);
        Assert.AreEqual("Reports:ChromiumPath", problem.GetProperty("setting").GetString());
        Assert.AreEqual("Not implemented", problem.GetProperty("title").GetString());
        Assert.IsEmpty(await world.EventsAsync(world.Participations[Own], "feedback-report.read"), "nothing left the service");
        await ProblemAssert.IsProblemAsync(await GetAsync(world.Analyst, world.ParliamentUrl, "application/pdf"), HttpStatusCode.NotImplemented);
        await HtmlAsync(await GetAsync(world.Analyst, world.FeedbackUrl(Own), "text/html;q=0.9, application/pdf;q=0.5"));
        await HtmlAsync(await GetAsync(world.Analyst, world.FeedbackUrl(Own)));
        // A plain link cannot set Accept: ?format= chooses, and wins over Accept.
        await ProblemAssert.IsProblemAsync(await GetAsync(world.Analyst, world.SectorReportUrl + "?format=pdf", "text/html"), HttpStatusCode.NotImplemented);
        await HtmlAsync(await GetAsync(world.Analyst, world.SectorReportUrl + "?format=html", "application/pdf"));
        var invalid = await ProblemAssert.IsProblemAsync(await GetAsync(world.Analyst, world.ParliamentUrl + "?format=docx&lang=de"), HttpStatusCode.BadRequest);
        Assert.IsTrue(invalid.GetProperty("errors").TryGetProperty("format", out _), "format is listed");
        Assert.IsTrue(invalid.GetProperty("errors").TryGetProperty("lang", out _), "lang is listed too");

        var outcome = await world.App.Services.GetRequiredService<RenderReportsJob>().RunAsync(world.RoundId, CancellationToken.None);
        Assert.IsFalse(outcome.PdfAvailable);
        Assert.AreEqual(8, outcome.Stored, "the HTML of four reports in two languages; no PDFs");
    }
}
