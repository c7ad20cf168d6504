using Audit.TestSupport;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Reports;
using Audit.Core.Reports;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Reports.ReportWorld;

namespace Audit.Api.Tests.Reports;

/// <summary>
/// The render job stores every report of a round per fingerprint; unchanged inputs store nothing new, and the GET
/// endpoints serve the stored bytes. These run without a browser (HTML only); <see cref="ReportPdfTests"/> covers PDFs.
/// </summary>
[TestClass]
public sealed class RenderJobTests
{
    private static Task<RenderOutcome> RenderAsync(ReportWorld world) =>
        world.App.Services.GetRequiredService<RenderReportsJob>().RunAsync(world.RoundId, CancellationToken.None);

    private static IRenderedReportRepository Stored(ReportWorld world) => world.App.Services.GetRequiredService<IRenderedReportRepository>();

    [TestMethod]
    public async Task The_job_stores_every_report_once_and_a_second_run_stores_nothing()
    {
        await using var world = await CreateAsync("job-twice");
        var participations = world.Participations.Count;

        var first = await RenderAsync(world);
        var second = await RenderAsync(world);

        // Per language: a feedback report per participation, the universiteit sector report, the parliament report.
        var expected = 2 * (participations + 2);
        Assert.AreEqual(expected, first.Stored);
        Assert.IsFalse(first.PdfAvailable, "the test app has no browser");
        Assert.AreEqual(0, second.Stored);
        Assert.AreEqual(expected, second.AlreadyStored);
        var files = await Stored(world).ListAsync(world.RoundId);
        Assert.HasCount(expected, files);
        Assert.IsTrue(files.All(f => f.Key.Format == "html" && f.ContentType == "text/html; charset=utf-8"));
        Assert.AreEqual(participations * 2, files.Count(f => f.Key.Kind == ReportKinds.Feedback));
        Assert.AreSequenceEqual(new[] { "en", "nl" }, files.Where(f => f.Key.Kind == ReportKinds.Parliament).Select(f => f.Key.Language).Order().ToArray());
        Assert.IsTrue(files.All(f => f.SectorFingerprints.StartsWith("universiteit=sha256:", StringComparison.Ordinal)));
        var events = await world.App.Services.GetRequiredService<Core.AuditTrail.IAuditEventRepository>()
            .QueryAsync(new Core.AuditTrail.AuditEventQuery(ObjectType: "report"), new Core.Paging.PageRequest(1, Core.Paging.PageRequest.MaxPageSize));
        Assert.AreEqual(expected, events.Items.Count(e => e.Action == "report.rendered" && e.ObjectId.StartsWith(world.RoundId + "/", StringComparison.Ordinal)),
            "one event per stored file, none for the second run");
        Assert.HasCount(2, await world.EventsAsync($"{world.RoundId}/{ReportKinds.Parliament}/{RenderedReportKey.WholeRound}", "report.rendered"));
    }

    /// <summary>The service's clock, moved on by the test: every render prints its generation time.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private DateTimeOffset now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan step) => now += step;
    }

    [TestMethod]
    public async Task Two_workers_rendering_the_same_round_at_once_store_each_file_once()
    {
        await using var world = await CreateSmallAsync("job-concurrent");

        var outcomes = await Task.WhenAll(RenderAsync(world), RenderAsync(world));

        Assert.AreEqual(8, outcomes.Sum(o => o.Stored), "four reports in two languages, each stored by one of the two");
        Assert.AreEqual(16, outcomes.Sum(o => o.Stored + o.AlreadyStored));
        Assert.HasCount(8, await Stored(world).ListAsync(world.RoundId));
    }

    [TestMethod]
    public async Task Downloads_after_the_job_are_the_stored_bytes_every_time()
    {
        var clock = new SteppedClock();
        await using var world = await CreateSmallAsync("job-serve", app => app.TestServices = services => services.AddSingleton<TimeProvider>(clock));
        await world.PublishAsync();
        var before = await HtmlAsync(await GetAsync(world.OwnRespondent, world.FeedbackUrl(Own)));
        clock.Advance(TimeSpan.FromMinutes(7));
        var again = await HtmlAsync(await GetAsync(world.OwnRespondent, world.FeedbackUrl(Own)));
        Assert.AreNotEqual(before, again, "rendered on the fly, each with its own generation time");

        await RenderAsync(world);
        clock.Advance(TimeSpan.FromMinutes(7));

        var stored = (await Stored(world).ListAsync(world.RoundId)).Single(f => f.Key.Subject == world.Participations[Own] && f.Key.Language == "nl");
        var file = await Stored(world).GetAsync(stored.Key);
        foreach (var client in new[] { world.OwnRespondent, world.Analyst })
        {
            var response = await GetAsync(client, world.FeedbackUrl(Own));
            Assert.AreSequenceEqual(file!.Content, await response.Content.ReadAsByteArrayAsync());
        }
        var sector = (await Stored(world).ListAsync(world.RoundId)).Single(f => f.Key.Kind == ReportKinds.Sector && f.Key.Language == "en");
        Assert.AreSequenceEqual((await Stored(world).GetAsync(sector.Key))!.Content,
            await world.Ministry.GetByteArrayAsync(world.SectorReportUrl + "?lang=en"));
    }

    [TestMethod]
    public async Task Changed_findings_change_only_that_reports_fingerprint()
    {
        await using var world = await CreateSmallAsync("job-findings");
        await RenderAsync(world);
        var stored = (await Stored(world).ListAsync(world.RoundId)).Single(f => f.Key.Subject == world.Participations[Own] && f.Key.Language == "nl");

        await world.PutFindingsAsync(Own, "Geen coördinator <b>aangesteld</b>.");

        var fresh = await HtmlAsync(await GetAsync(world.Analyst, world.FeedbackUrl(Own)));
        Assert.Contains("Geen coördinator &lt;b&gt;aangesteld&lt;/b&gt;.", fresh, "the stored file is stale: a new render, with the finding escaped");
        var outcome = await RenderAsync(world);
        Assert.AreEqual(2, outcome.Stored, "the institution's feedback report in both languages, nothing else");
        var files = await Stored(world).ListAsync(world.RoundId);
        var newer = files.Single(f => f.Key.Subject == world.Participations[Own] && f.Key.Language == "nl" && f.Key != stored.Key);
        Assert.AreNotEqual(stored.Key.Fingerprint, newer.Key.Fingerprint);
        Assert.AreSequenceEqual((await Stored(world).GetAsync(newer.Key))!.Content, await world.Analyst.GetByteArrayAsync(world.FeedbackUrl(Own)));
    }

    [TestMethod]
    public async Task Posting_a_render_enqueues_the_job_which_the_server_runs()
    {
        await using var world = await CreateSmallAsync("job-post");

        var response = await world.Analyst.PostAsync($"/api/v1/rounds/{world.RoundId}/reports/render", null);

        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual($"/api/v1/rounds/{world.RoundId}/reports", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.IsFalse(string.IsNullOrEmpty(body.GetProperty("jobId").GetString()));
        Assert.AreEqual("enqueued", body.GetProperty("status").GetString());
        Assert.HasCount(1, await world.EventsAsync(world.RoundId, "reports.render-requested"));
        var items = 0;
        await Eventually.UntilAsync(async () =>
        {
            items = (await world.Analyst.GetFromJsonAsync<JsonElement>(body.GetProperty("statusUrl").GetString()!)).GetProperty("items").GetArrayLength();
            return items >= 8;
        }, "the render job stored every report");
        Assert.AreEqual(8, items, "two feedback reports, the sector report and the parliament report, in two languages");
        await Infrastructure.ProblemAssert.IsProblemAsync(await world.Analyst.PostAsync("/api/v1/rounds/no-such-round/reports/render", null), HttpStatusCode.NotFound);
    }
}
