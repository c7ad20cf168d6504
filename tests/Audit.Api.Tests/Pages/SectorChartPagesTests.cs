using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Audit.Api.SectorViews;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Core.Disclosure;
using Audit.Core.SectorViews;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Collection.CollectionFixture;

namespace Audit.Api.Tests.Pages;

/// <summary>
/// The sector pages (bureau internal and published, publication preview, ministry) draw the reports' SVG charts, with
/// the page's table behind "Tabel bij de grafiek"; a withheld figure is in no chart; "niet van toepassing" only when
/// someone found the question not applicable.
/// </summary>
[TestClass]
public sealed partial class SectorChartPagesTests
{
    private const string Round = "2023-charts";
    private const string Withheld = "governance.bestuurder";   // 1.1, yes_no: made withheld below
    private const string WithheldText = "Is kennisveiligheid expliciet belegd in de portefeuille van een lid van het college van bestuur?";
    private const string WithNotApplicable = "governance.coordinator"; // 1.2, yes_no: two found it not applicable

    [TestMethod]
    public async Task Sector_pages_chart_every_published_distribution_with_its_table_behind_a_disclosure_and_no_withheld_figure()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var driver = new CollectionDriver(app, admin);
        var ids = await driver.OpenRoundAsync(Round, "universiteit");
        var seed = 1;
        foreach (var id in ids.Values.Take(6))
        {
            await driver.AcceptAsync(id, seed++);
        }
        await app.Services.GetRequiredService<SectorRecomputeJob>().RunAsync(Round, "universiteit", CancellationToken.None);
        await ChangeRoundAsync(admin, Round, "closed");
        await ChangeRoundAsync(admin, Round, "published");
        var internalView = await StoreAdjustedViewAsync(app);
        using var analyst = Browser.For(app);
        analyst.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, "Ada"));
        using var ministry = Browser.For(app);
        ministry.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, "Mo", Role.Ministry));

        var pages = new Dictionary<string, string>
        {
            ["bureau internal"] = await analyst.GetStringAsync(new Uri($"/bureau/rondes/{Round}/sectoren/universiteit", UriKind.Relative)),
            ["bureau published"] = await analyst.GetStringAsync(new Uri($"/bureau/rondes/{Round}/sectoren/universiteit?weergave=gepubliceerd", UriKind.Relative)),
            ["publication preview"] = await analyst.GetStringAsync(new Uri($"/bureau/rondes/{Round}/publiceren/universiteit", UriKind.Relative)),
            ["ministry"] = await ministry.GetStringAsync(new Uri($"/ministerie/rondes/{Round}/sectoren/universiteit", UriKind.Relative)),
        };
        var withheldStats = internalView.Questions.Single(q => q.Key == Withheld);
        foreach (var (name, html) in pages)
        {
            var sections = Sections(html);
            var charted = sections["1.2"];
            Assert.Contains("<svg", charted, $"{name}: a yes/no question is charted");
            Assert.MatchesRegex(AccessibleSvg(), charted, $"{name}: the chart is an image named by its title and description");
            var disclosure = Regex.Match(charted, "<details class=\"audit-chart-table\"><summary class=\"audit-chart-table__summary\">Tabel bij de grafiek</summary>(.*?)</details>", RegexOptions.Singleline);
            Assert.IsTrue(disclosure.Success, $"{name}: the table is behind 'Tabel bij de grafiek'");
            Assert.Contains("Verdeling van de antwoorden op vraag 1.2", disclosure.Groups[1].Value, $"{name}: the distribution table is inside the disclosure");
            Assert.Contains("2 vonden hem niet van toepassing", charted, $"{name}: a non-zero not-applicable count is shown");

            var text = sections["1.3"]; // governance.toelichting_coordinator: open text, no chart and nobody found it n/a
            Assert.DoesNotContain("niet van toepassing", text, $"{name}: a zero not-applicable count is not shown");
            Assert.DoesNotContain("<svg", text, $"{name}: an open question has no chart");

            var withheld = sections["1.1"];
            Assert.DoesNotContain("<svg", withheld, $"{name}: a withheld question has no chart, so the chart cannot show what the table hides");
            Assert.DoesNotContain("<details class=\"audit-chart-table\">", withheld, $"{name}: without a chart the table is shown as it is");
            Assert.Contains("De cijfers van deze vraag worden niet gepubliceerd", withheld, name);

            // A chart is titled with its question: none may be the withheld question's, wherever it would sit.
            Assert.DoesNotMatchRegex(new Regex("-title\">" + Regex.Escape(WithheldText)), html, $"{name}: no chart draws the withheld question");
            Assert.IsGreaterThanOrEqualTo(5, Regex.Count(html, "<svg"), $"{name}: the theme box plots and the distribution charts");

            var technical = Regex.Match(html, "<details class=\"audit-technical\">.*?</details>", RegexOptions.Singleline).Value;
            Assert.Contains("Vingerafdruk van de invoer", technical, $"{name}: the input's fingerprint is a technical detail");
            Assert.DoesNotContain("Vingerafdruk", html.Replace(technical, "", StringComparison.Ordinal), $"{name}: and not among the figures");
        }
        Assert.Contains($"{withheldStats.Distribution![0].Count}<span class=\"audit-withheld\"", Sections(pages["bureau internal"])["1.1"],
            "the bureau's internal table still shows the withheld figure, marked");
        Assert.DoesNotContain("audit-withheld", Sections(pages["ministry"])["1.1"], "the ministry's table has no withheld value");
        Assert.Contains("<span aria-hidden=\"true\">×</span>", Sections(pages["ministry"])["1.1"], "the ministry sees ×");
    }

    [TestMethod]
    public async Task A_page_chart_is_the_reports_chart_for_the_same_published_view()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var driver = new CollectionDriver(app, admin);
        var ids = await driver.OpenRoundAsync(Round, "universiteit");
        var seed = 10;
        foreach (var id in ids.Values.Take(6))
        {
            await driver.AcceptAsync(id, seed++);
        }
        await app.Services.GetRequiredService<SectorRecomputeJob>().RunAsync(Round, "universiteit", CancellationToken.None);
        await ChangeRoundAsync(admin, Round, "closed");
        await ChangeRoundAsync(admin, Round, "published");
        using var ministry = Browser.For(app);
        ministry.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, "Mo", Role.Ministry));

        var page = await ministry.GetStringAsync(new Uri($"/ministerie/rondes/{Round}/sectoren/universiteit", UriKind.Relative));
        var report = await ministry.GetStringAsync(new Uri($"/api/v1/rounds/{Round}/sector-views/universiteit/report?lang=nl", UriKind.Relative));
        var pageCharts = Svgs(page);
        var reportCharts = Svgs(report);
        Assert.IsGreaterThanOrEqualTo(5, pageCharts.Count);
        // Same charts of the same data in the same order (title and description say what each shows), but a page draws
        // them in the compact layout (360 units, labels above) so that a phone keeps the text readable.
        Assert.AreSequenceEqual(reportCharts.Select(TitleAndDescription).ToList(), pageCharts.Select(TitleAndDescription).ToList(),
            "the page draws the report's charts, in the same order");
        Assert.IsTrue(pageCharts.All(svg => svg.Contains("viewBox=\"0 0 360 ", StringComparison.Ordinal)), "pages use the compact layout");
        Assert.IsTrue(reportCharts.All(svg => svg.Contains("viewBox=\"0 0 640 ", StringComparison.Ordinal)), "reports use the print layout");
    }

    /// <summary>
    /// Replaces the current view with one where question 1.1 is withheld (too few answers, its figures kept in the
    /// internal form only) and two institutions found 1.2 not applicable; the published form comes from the real
    /// <see cref="PublishedForm"/>. The shipped questionnaires allow no "not applicable", so the view is adjusted here.
    /// </summary>
    private static async Task<SectorView> StoreAdjustedViewAsync(AuditApp app)
    {
        var repository = app.Services.GetRequiredService<ISectorViewRepository>();
        var current = (await repository.GetCurrentAsync(Round, "universiteit"))!;
        var view = SectorViewJson.Deserialize(current.InternalJson);
        var fingerprint = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(view.Fingerprint + "/adjusted")));
        var adjusted = view with
        {
            Fingerprint = fingerprint,
            Questions = [.. view.Questions.Select(q => q.Key switch
            {
                Withheld => q with { Suppressed = true, Reason = SuppressionReasons.TooFewAnswers },
                WithNotApplicable => q with { NotApplicable = 2 },
                _ => q,
            })],
        };
        var published = PublishedForm.Of(adjusted);
        await repository.PublishAsync(
            new StoredSectorView("sv_adjusted", Round, "universiteit", fingerprint, current.ComputedAt, current.Included, published.Suppressed,
                Encoding.UTF8.GetString(SectorViewJson.Serialize(adjusted)), Encoding.UTF8.GetString(SectorViewJson.Serialize(published))),
            new AuditEvent(DateTimeOffset.UtcNow, null, null, "sector-view.computed", "sector-view", $"{Round}/universiteit", "test"));
        return adjusted;
    }

    /// <summary>Each question section of a sector page by its number ("1.2").</summary>
    private static Dictionary<string, string> Sections(string html) =>
        QuestionSection().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Value);

    /// <summary>Every SVG of a document, with its generated ids normalised (they count per document).</summary>
    private static List<string> Svgs(string html) =>
        [.. SvgElement().Matches(html).Select(m => ChartId().Replace(m.Value, "chart-N"))];

    [GeneratedRegex("<section class=\"audit-sector-question\">\\s*<h3 class=\"utrecht-heading-3\">(\\d+\\.\\d+) .*?</section>", RegexOptions.Singleline)]
    private static partial Regex QuestionSection();

    [GeneratedRegex("<svg [^>]*role=\"img\" aria-labelledby=\"(chart-\\d+)-title \\1-desc\"[^>]*viewBox=\"0 0 [\\d.]+ [\\d.]+\".*?<title id=\"\\1-title\">[^<]+</title>\\s*<desc id=\"\\1-desc\">[^<]+</desc>", RegexOptions.Singleline)]
    private static partial Regex AccessibleSvg();

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();

    [GeneratedRegex("chart-\\d+")]
    private static partial Regex ChartId();

    private static string TitleAndDescription(string svg) => TitleDesc().Match(svg).Value;

    [GeneratedRegex("<title .*?</desc>", RegexOptions.Singleline)]
    private static partial Regex TitleDesc();
}
