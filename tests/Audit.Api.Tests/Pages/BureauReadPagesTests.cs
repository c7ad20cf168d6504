using System.Net;
using System.Net.Http.Json;
using Audit.Api.SectorViews;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Core.Paging;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Collection.CollectionFixture;

namespace Audit.Api.Tests.Pages;

/// <summary>What the bureau's and the ministry's pages show, and to whom.</summary>
[TestClass]
public sealed class BureauReadPagesTests
{
    [TestMethod]
    public async Task The_dashboard_counts_per_status_and_filters_with_a_plain_get_form()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);

        var all = await world.Analyst.GetStringAsync(new Uri($"/bureau/rondes/{world.RoundId}", UriKind.Relative));
        var submitted = await world.Analyst.GetStringAsync(new Uri($"/bureau/rondes/{world.RoundId}?status=submitted&type=universiteit", UriKind.Relative));
        var bogus = await world.Analyst.GetStringAsync(new Uri($"/bureau/rondes/{world.RoundId}?status=bogus", UriKind.Relative));

        Assert.Contains("2 van 2 deelnames getoond.", all);
        Assert.Contains("Vrije Universiteit Amsterdam", all);
        Assert.Contains("nog 10 dagen", all, "vu is not submitted: the deadline concerns it");
        Assert.Contains("1 van 2 deelnames getoond.", submitted);
        Assert.Contains($"href=\"/bureau/deelnames/{world.OwnId}/beoordeling\"", submitted);
        Assert.DoesNotContain("Vrije Universiteit Amsterdam</a>", submitted);
        Assert.Contains("<option value=\"submitted\" selected>", submitted);
        Assert.Contains("2 van 2 deelnames getoond.", bogus, "an unknown filter value filters nothing");
        Assert.Contains($"action=\"/bureau/rondes/{world.RoundId}/rapporten\"", all);
        Assert.Contains($"action=\"/bureau/rondes/{world.RoundId}/uitnodigingen\"", all);
        Assert.Contains($"href=\"/api/v1/rounds/{world.RoundId}/exports/answers.xlsx\"", all);
    }

    [TestMethod]
    public async Task The_participation_page_shows_answers_evidence_history_and_records_the_read()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);

        var html = await world.Analyst.GetStringAsync(new Uri($"/bureau/deelnames/{world.OwnId}", UriKind.Relative));

        Assert.Contains("Deelname van Universiteit van Amsterdam", html);
        Assert.Contains(">Ja</p>", html, "yes_no answers read as words");
        Assert.Contains(": beleid is vastgesteld.", html, "text answers as written (SyntheticAnswers' wording)");
        Assert.Contains($"href=\"/api/v1/participations/{world.OwnId}/answers/{BureauWorld.QuestionKey}/evidence/", html);
        Assert.Contains("beleid.pdf", html);
        Assert.Contains("Geschiedenis (1 versie)", html);
        Assert.Contains("Indiening 1, door Test Respondent", html);
        Assert.Contains($"href=\"/bureau/deelnames/{world.OwnId}/beoordeling\"", html);
        var trail = await app.Services.GetRequiredService<IAuditEventRepository>()
            .QueryAsync(new AuditEventQuery("participation", world.OwnId), new PageRequest());
        Assert.Contains("answers.read", trail.Items.Select(e => e.Action));
    }

    [TestMethod]
    public async Task Respondents_are_refused_the_bureau_pages_and_the_ministry_finds_no_participation()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);
        using var respondent = Browser.For(app);
        respondent.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, "Rita", Role.Respondent, Own));
        using var ministry = Browser.For(app);
        ministry.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, "Mo", Role.Ministry));

        Assert.AreEqual(HttpStatusCode.Forbidden, (await respondent.GetAsync(new Uri($"/bureau/deelnames/{world.OwnId}", UriKind.Relative))).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await respondent.GetAsync(new Uri("/bureau/rondes", UriKind.Relative))).StatusCode);
        var page = await ministry.GetAsync(new Uri($"/bureau/deelnames/{world.OwnId}", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Pagina niet gevonden", await page.Content.ReadAsStringAsync());
        await ProblemAssert.IsProblemAsync(await ministry.GetAsync(new Uri($"/api/v1/participations/{world.OwnId}", UriKind.Relative)), HttpStatusCode.NotFound);
        Assert.AreEqual(HttpStatusCode.NotFound, (await ministry.GetAsync(new Uri($"/bureau/rondes/{world.RoundId}", UriKind.Relative))).StatusCode);
    }

    [TestMethod]
    public async Task Sector_views_show_internal_values_marked_and_the_published_form_to_the_ministry_once_published()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var driver = new CollectionDriver(app, admin);
        const string round = "2023-sectors";
        var ids = await driver.OpenRoundAsync(round, "universiteit");
        var seed = 1;
        foreach (var id in ids.Values.Take(6))
        {
            await driver.AcceptAsync(id, seed++);
        }
        await app.Services.GetRequiredService<SectorRecomputeJob>().RunAsync(round, "universiteit", CancellationToken.None);
        using var analyst = Browser.For(app);
        analyst.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, "Ada"));
        using var ministry = Browser.For(app);
        ministry.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, "Mo", Role.Ministry));

        var list = await analyst.GetStringAsync(new Uri($"/bureau/rondes/{round}/sectoren", UriKind.Relative));
        var internalView = await analyst.GetStringAsync(new Uri($"/bureau/rondes/{round}/sectoren/universiteit", UriKind.Relative));
        var publishedView = await analyst.GetStringAsync(new Uri($"/bureau/rondes/{round}/sectoren/universiteit?weergave=gepubliceerd", UriKind.Relative));
        Assert.Contains($"href=\"/bureau/rondes/{round}/sectoren/universiteit?weergave=gepubliceerd\"", list);
        Assert.Contains(">Wordt gepubliceerd<", list, "before publication");
        Assert.Contains("Laagste", internalView, "extremes are internal only");
        Assert.Contains("aria-current=\"page\">Intern beeld", internalView);
        Assert.DoesNotContain("Laagste", publishedView);
        Assert.Contains("aria-current=\"page\">Gepubliceerd beeld", publishedView);
        Assert.AreEqual(HttpStatusCode.NotFound, (await ministry.GetAsync(new Uri($"/ministerie/rondes/{round}/sectoren/universiteit", UriKind.Relative))).StatusCode,
            "not before the round is published");

        await ChangeRoundAsync(admin, round, "closed");
        await ChangeRoundAsync(admin, round, "published");
        var listAfter = await analyst.GetStringAsync(new Uri($"/bureau/rondes/{round}/sectoren", UriKind.Relative));
        Assert.Contains(">Gepubliceerd<", listAfter);
        Assert.DoesNotContain("Wordt gepubliceerd", listAfter, "a published round's views are published, not about to be");
        var rounds = await ministry.GetStringAsync(new Uri("/ministerie/rondes", UriKind.Relative));
        var sector = await ministry.GetStringAsync(new Uri($"/ministerie/rondes/{round}/sectoren/universiteit", UriKind.Relative));
        Assert.Contains($"href=\"/ministerie/rondes/{round}/sectoren/universiteit\"", rounds);
        Assert.Contains("Sectorbeeld Universiteiten", sector);
        Assert.Contains($"href=\"/api/v1/rounds/{round}/sector-views/universiteit/report?lang=nl\"", sector);
        Assert.DoesNotContain("Laagste", sector);
        Assert.DoesNotContain("Universiteit van Amsterdam", sector, "no institution appears in a sector view");
        Assert.Contains("Gepubliceerde rondes", sector, "the ministry's navigation");
        Assert.DoesNotContain("href=\"/bureau/rondes\"", sector);
    }

    [TestMethod]
    public async Task The_menu_offers_rounds_to_the_bureau_the_job_dashboard_to_admins_and_published_rounds_to_the_ministry()
    {
        await using var app = new AuditApp();
        async Task<string> StartFor(Role role)
        {
            using var browser = Browser.For(app);
            browser.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, role.ToString(), role));
            return await browser.GetStringAsync(new Uri("/", UriKind.Relative));
        }

        var admin = await StartFor(Role.Admin);
        var analyst = await StartFor(Role.Analyst);
        var ministry = await StartFor(Role.Ministry);

        Assert.Contains("href=\"/bureau/rondes\"", admin);
        Assert.Contains("href=\"/jobs\"", admin);
        Assert.Contains("href=\"/bureau/rondes\"", analyst);
        Assert.DoesNotContain("href=\"/jobs\"", analyst);
        Assert.Contains("href=\"/ministerie/rondes\"", ministry);
        Assert.DoesNotContain("href=\"/bureau/rondes\"", ministry);
    }
}
