using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>
/// The sector pages with their SVG charts, on a 390×844 phone and a 1440×900 desktop: axe finds no WCAG 2.1 A/AA
/// violation (with every "Tabel bij de grafiek" opened, so the tables are checked too), the page never scrolls
/// sideways and every chart fits the column. Screenshots at both sizes for review.
/// </summary>
[TestClass]
public sealed class SectorChartAccessibilityTests
{
    private static BureauSession session = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => session = await BureauSession.StartAsync();

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (session is not null)
        {
            await session.DisposeAsync();
        }
    }

    [TestMethod]
    [DataRow("/bureau/rondes/" + BureauWorld.PublishedRound + "/sectoren/universiteit?weergave=intern", "sector-charts-bureau-internal", false)]
    [DataRow("/bureau/rondes/" + BureauWorld.PublishedRound + "/sectoren/universiteit?weergave=gepubliceerd", "sector-charts-bureau-published", false)]
    [DataRow("/bureau/rondes/" + BureauWorld.PublishedRound + "/publiceren/universiteit", "sector-charts-publication", false)]
    [DataRow("/ministerie/rondes/" + BureauWorld.PublishedRound + "/sectoren/universiteit", "sector-charts-ministry", true)]
    public async Task The_sector_page_with_charts_fits_a_phone_and_a_desktop_without_wcag_violations(string path, string name, bool ministry)
    {
        var page = ministry ? session.Ministry : session.Analyst;
        foreach (var (width, height) in new[] { (390, 844), (1440, 900) })
        {
            await page.SetViewportSizeAsync(width, height);
            var response = await page.GotoAsync(path);
            Assert.AreEqual(200, response!.Status, name);
            var label = $"{name}.{width}";
            var charts = page.Locator("svg.chart-svg[role=img]");
            Assert.IsGreaterThanOrEqualTo(5, await charts.CountAsync(), $"{label}: theme box plots and question charts");
            await Screenshots.TakeAsync(page, TestContext, label);
            await AssertFitsAsync(page, label);

            // Open every table behind its chart: the tables are the charts' text alternative and must pass too.
            await page.EvaluateAsync("() => document.querySelectorAll('details.audit-chart-table').forEach(d => d.open = true)");
            Assert.IsTrue(await page.Locator("details.audit-chart-table[open] table").First.IsVisibleAsync(), $"{label}: a table behind a chart");
            await Screenshots.TakeAsync(page, TestContext, label + ".tables");
            await AssertFitsAsync(page, label + " (tables open)");
            await AccessibilityCheck.AssertNoViolationsAsync(page, label);
        }
        await page.SetViewportSizeAsync(1280, 720);
    }

    private static async Task AssertFitsAsync(IPage page, string label)
    {
        var (scroll, inner) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.IsLessThanOrEqualTo(inner, scroll, $"{label}: the page does not widen ({scroll} > {inner})");
        var widest = await page.EvaluateAsync<double>(
            "() => Math.max(...[...document.querySelectorAll('svg.chart-svg')].map(s => s.getBoundingClientRect().right))");
        Assert.IsLessThanOrEqualTo((double)inner, widest, $"{label}: every chart fits the viewport");
        // The text as drawn: the smallest font-size of any chart text times the scale its SVG is shown at.
        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('svg.chart-svg')].flatMap(s => { const k = s.getBoundingClientRect().width / s.viewBox.baseVal.width; " +
            "return [...s.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')) * k); }))");
        Assert.IsGreaterThanOrEqualTo(12.0, smallest, $"{label}: chart text is at least 12 px as shown ({smallest:0.0} px)");
    }
}
