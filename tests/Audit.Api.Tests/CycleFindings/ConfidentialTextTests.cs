using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Collection;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Reports;
using Audit.Core.Access;

namespace Audit.Api.Tests.CycleFindings;

/// <summary>
/// Issue 19's promise, end to end through the API: what the bureau writes for itself — deep-dive notes and notable
/// practices, a draft or changed cycle summary, sector findings changed after approval — never reaches any report,
/// while the approved texts do. Every text carries a marker the reports are searched for.
/// </summary>
[TestClass]
public sealed class ConfidentialTextTests
{
    private const string NoteMarker = "NOTITIE-VERTROUWELIJK-4711";
    private const string PracticeMarker = "PRAKTIJK-VERTROUWELIJK-4712";
    private const string ApprovedSummary = "SAMENVATTING-GOEDGEKEURD-4713";
    private const string DraftSummary = "SAMENVATTING-CONCEPT-4714";

    private static HttpRequestMessage With(HttpMethod method, string url, object? body, string ifMatch) => new(method, url)
    {
        Content = body is null ? null : JsonContent.Create(body),
        Headers = { { "If-Match", ifMatch } },
    };

    private static async Task OkAsync(Task<HttpResponseMessage> call, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await call;
        Assert.AreEqual(status, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task Deep_dive_notes_and_unapproved_summaries_appear_in_no_report_and_approved_texts_do()
    {
        await using var world = await ReportWorld.CreateAsync("2023-confidential");
        using var colleague = await world.App.ClientForAsync(Role.Analyst);
        var round = $"/api/v1/rounds/{world.RoundId}";
        var version = (await world.Admin.GetAsync(round)).Headers.ETag!.Tag;
        await OkAsync(world.Admin.SendAsync(With(HttpMethod.Patch, round, new { cycle = "2023" }, version)));

        var deepDive = $"{round}/deep-dives/universiteit";
        await OkAsync(world.Analyst.PutAsJsonAsync(deepDive, new { institutionIds = new[] { ReportWorld.Own }, rationale = "Spreiding over de kwartielen" }));
        await OkAsync(world.Analyst.PostAsJsonAsync(deepDive + "/records", new
        {
            institutionId = ReportWorld.Own,
            kind = "interview",
            date = "2023-05-02",
            roles = new[] { "bestuurder" },
            notes = new[] { new { text = NoteMarker, themes = new[] { "governance" } } },
            notablePractices = PracticeMarker,
        }), HttpStatusCode.Created);

        const string summary = "/api/v1/cycles/2023/findings";
        await OkAsync(world.Analyst.PutAsJsonAsync(summary, new { summary = ApprovedSummary }));
        await OkAsync(colleague.SendAsync(With(HttpMethod.Post, summary + "/approvals", null, "\"1\"")));
        var publication = await PublicationReady(world);
        Assert.AreEqual(HttpStatusCode.OK, publication.StatusCode, await publication.Content.ReadAsStringAsync());

        var approvedReport = await ReportWorld.HtmlAsync(await world.Ministry.GetAsync("/api/v1/cycles/2023/parliament-report"));
        Assert.Contains(ApprovedSummary, approvedReport, "the approved cycle summary opens the national report");
        Assert.Contains(Audit.TestSupport.ApprovedSectorFindings.Summary, approvedReport, "the approved sector findings are in it");

        await OkAsync(world.Analyst.SendAsync(With(HttpMethod.Put, summary, new { summary = DraftSummary }, "\"1\"")));
        var reports = new Dictionary<string, string>
        {
            ["national (ministry)"] = await ReportWorld.HtmlAsync(await world.Ministry.GetAsync("/api/v1/cycles/2023/parliament-report")),
            ["national (bureau)"] = await ReportWorld.HtmlAsync(await world.Analyst.GetAsync("/api/v1/cycles/2023/parliament-report?lang=en")),
            ["parliament"] = await ReportWorld.HtmlAsync(await world.Ministry.GetAsync(world.ParliamentUrl)),
            ["sector"] = await ReportWorld.HtmlAsync(await world.Ministry.GetAsync(world.SectorReportUrl)),
            ["feedback"] = await ReportWorld.HtmlAsync(await world.OwnRespondent.GetAsync(world.FeedbackUrl(ReportWorld.Own))),
            ["board summary"] = await ReportWorld.HtmlAsync(await world.OwnRespondent.GetAsync(
                world.FeedbackUrl(ReportWorld.Own).Replace("feedback-report", "board-summary", StringComparison.Ordinal))),
        };
        foreach (var (name, html) in reports)
        {
            foreach (var marker in new[] { NoteMarker, PracticeMarker, DraftSummary })
            {
                Assert.DoesNotContain(marker, html, $"{marker} reached the {name} report");
            }
        }
        Assert.DoesNotContain(ApprovedSummary, reports["national (ministry)"], "a summary changed after approval is no longer shown, not even its approved version");
    }

    /// <summary>Closes and publishes the round after two analysts approved its sector findings.</summary>
    private static async Task<HttpResponseMessage> PublicationReady(ReportWorld world)
    {
        await SectorFindings.ApprovedFindings.EnsureAsync(world.App.Services, world.RoundId);
        await CollectionFixture.ChangeRoundAsync(world.Admin, world.RoundId, "closed");
        return await world.Admin.PostAsJsonAsync($"/api/v1/rounds/{world.RoundId}/status-changes", new { status = "published" });
    }
}
