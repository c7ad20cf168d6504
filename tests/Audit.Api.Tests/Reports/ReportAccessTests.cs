using System.Net;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Institutions;
using static Audit.Api.Tests.Reports.ReportWorld;

namespace Audit.Api.Tests.Reports;

/// <summary>Who gets which report, before and after the round is published, and what the HTML carries.</summary>
[TestClass]
public sealed class ReportAccessTests
{
    private static readonly IReadOnlyList<Institution> Registry = InstitutionRegistry.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "templates", "registry", "institutions.csv"))).Institutions;

    [TestMethod]
    public async Task Before_publication_only_the_bureau_gets_reports()
    {
        await using var world = await CreateSmallAsync("rep-open");

        await HtmlAsync(await GetAsync(world.Analyst, world.FeedbackUrl(Own)));
        await HtmlAsync(await GetAsync(world.Admin, world.FeedbackUrl(Other)));
        await HtmlAsync(await GetAsync(world.Analyst, world.SectorReportUrl));
        await HtmlAsync(await GetAsync(world.Analyst, world.ParliamentUrl));

        // The institution's own report does not exist for it yet, exactly like another institution's.
        await ProblemAssert.IsProblemAsync(await GetAsync(world.OwnRespondent, world.FeedbackUrl(Own)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.OwnRespondent, world.FeedbackUrl(Other)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.Ministry, world.FeedbackUrl(Own)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.Ministry, world.SectorReportUrl), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.Ministry, world.ParliamentUrl), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.OwnRespondent, world.SectorReportUrl), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.OwnRespondent, world.ParliamentUrl), HttpStatusCode.Forbidden);
    }

    [TestMethod]
    public async Task After_publication_the_institution_gets_its_own_report_only_and_the_ministry_the_sector_reports()
    {
        await using var world = await CreateSmallAsync("rep-published");
        await world.PublishAsync();

        var own = await HtmlAsync(await GetAsync(world.OwnRespondent, world.FeedbackUrl(Own)));
        Assert.Contains("Universiteit van Amsterdam", own);
        Assert.Contains(world.RoundId, own);
        // Institution A's respondent asking for B's report is told it does not exist; the ministry never reads one.
        await ProblemAssert.IsProblemAsync(await GetAsync(world.OwnRespondent, world.FeedbackUrl(Other)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.OtherRespondent, world.FeedbackUrl(Own)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.Ministry, world.FeedbackUrl(Own)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.Ministry, "/api/v1/participations/p_unknown/feedback-report"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.OwnRespondent, "/api/v1/participations/p_unknown/feedback-report"), HttpStatusCode.NotFound);

        await HtmlAsync(await GetAsync(world.Ministry, world.SectorReportUrl));
        await HtmlAsync(await GetAsync(world.Ministry, world.ParliamentUrl));
        await ProblemAssert.IsProblemAsync(await GetAsync(world.OwnRespondent, world.SectorReportUrl), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.Ministry, $"/api/v1/rounds/{world.RoundId}/sector-views/umc/report"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await GetAsync(world.Ministry, "/api/v1/rounds/no-such-round/parliament-report"), HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task The_sector_and_parliament_reports_name_no_institution_and_carry_a_report_policy()
    {
        await using var world = await CreateAsync("rep-names");

        var responses = new[] { await GetAsync(world.Analyst, world.SectorReportUrl), await GetAsync(world.Analyst, world.ParliamentUrl) };

        foreach (var response in responses)
        {
            var html = await HtmlAsync(response);
            Assert.Contains("<svg", html, "the published view has figures, so the report has charts");
            foreach (var institution in Registry)
            {
                Assert.DoesNotContain(institution.Name, html);
                Assert.DoesNotContain($"\"{institution.Id}\"", html);
            }
            var policy = string.Join("; ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", policy);
            Assert.Contains("style-src 'sha256-", policy);
            Assert.Contains("sandbox", policy);
            Assert.DoesNotContain("script-src 'self'", policy);
        }
    }

    [TestMethod]
    public async Task English_with_lang_en_and_an_unknown_language_is_a_validation_problem()
    {
        await using var world = await CreateSmallAsync("rep-lang");

        var english = await HtmlAsync(await GetAsync(world.Analyst, world.FeedbackUrl(Own) + "?lang=en"));
        var dutch = await HtmlAsync(await GetAsync(world.Analyst, world.FeedbackUrl(Own)));

        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("<html lang=\"nl\">", dutch);
        var problem = await ProblemAssert.IsProblemAsync(await GetAsync(world.Analyst, world.SectorReportUrl + "?lang=fr"), HttpStatusCode.BadRequest);
        Assert.IsTrue(problem.GetProperty("errors").TryGetProperty("lang", out _));
    }

    [TestMethod]
    public async Task An_unsupported_accept_gets_the_html_and_every_bureau_read_of_a_feedback_report_is_recorded()
    {
        await using var world = await CreateSmallAsync("rep-audit");
        await world.PublishAsync();
        var participation = world.Participations[Own];

        await HtmlAsync(await GetAsync(world.Analyst, world.FeedbackUrl(Own), "application/json"));
        await HtmlAsync(await GetAsync(world.Admin, world.FeedbackUrl(Own), "text/html"));
        await HtmlAsync(await GetAsync(world.OwnRespondent, world.FeedbackUrl(Own)));

        var reads = await world.EventsAsync(participation, "feedback-report.read");
        Assert.HasCount(2, reads, "the bureau's two reads; the institution reading its own report is not a confidential read");
        Assert.IsTrue(reads.All(e => e.ActorRole is "analyst" or "admin" && e.Summary!.StartsWith("nl html sha256:", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task A_feedback_report_without_a_computed_sector_view_is_a_conflict()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Audit.Core.Access.Role.Admin);
        var (own, _) = await Collection.CollectionFixture.OpenRoundAsync(admin, "rep-no-view");

        var problem = await ProblemAssert.IsProblemAsync(await admin.GetAsync($"/api/v1/participations/{own}/feedback-report"), HttpStatusCode.Conflict);

        Assert.Contains("universiteit", problem.GetProperty("detail").GetString()!);
        await ProblemAssert.IsProblemAsync(await admin.GetAsync("/api/v1/rounds/rep-no-view/parliament-report"), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await admin.GetAsync("/api/v1/rounds/rep-no-view/sector-views/universiteit/report"), HttpStatusCode.NotFound);
    }
}

/// <summary>The national report of a cycle: 404 problem+json for a cycle without a published round, for everyone.</summary>
[TestClass]
public sealed class NationalReportAccessTests
{
    [TestMethod]
    public async Task A_cycle_without_a_published_round_or_a_malformed_one_is_not_found()
    {
        await using var world = await CreateSmallAsync("rep-national");

        foreach (var cycle in new[] { "2099", "not a cycle", "..", "%3Cscript%3E" })
        {
            await ProblemAssert.IsProblemAsync(await GetAsync(world.Ministry, $"/api/v1/cycles/{cycle}/parliament-report"), HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(await GetAsync(world.Analyst, $"/api/v1/cycles/{cycle}/parliament-report"), HttpStatusCode.NotFound);
        }
        await ProblemAssert.IsProblemAsync(await GetAsync(world.OwnRespondent, "/api/v1/cycles/2099/parliament-report"), HttpStatusCode.Forbidden);
    }
}
