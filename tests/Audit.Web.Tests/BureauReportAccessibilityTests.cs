using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>
/// axe-core finds no WCAG 2.1 A/AA violation in the reports, in Dutch and English; each is saved as a screenshot.
/// A class of its own beside <see cref="BureauAccessibilityTests"/> (with its own service and bureau world), so the
/// two halves of the bureau's accessibility checks can run side by side.
/// </summary>
[TestClass]
public sealed class BureauReportAccessibilityTests
{
    private static BureauSession session = null!;

    public TestContext TestContext { get; set; } = null!;

    private static BureauWorld world => session.World;

    private static IPage analyst => session.Analyst;

    private static IPage ministry => session.Ministry;

    /// <summary>
    /// The tests only read, so they share one signed-in page per role. The reports are served sandboxed with no
    /// script allowed, so these pages bypass CSP (see <see cref="Chromium.NewContextAsync"/>).
    /// </summary>
    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => session = await BureauSession.StartAsync(bypassCsp: true);

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (session is not null)
        {
            await session.DisposeAsync();
        }
    }

    [TestMethod]
    [DataRow("/api/v1/rounds/" + BureauWorld.PublishedRound + "/sector-views/universiteit/report", "report-sector", true)]
    [DataRow("/api/v1/rounds/" + BureauWorld.PublishedRound + "/parliament-report", "report-parliament", true)]
    [DataRow("/api/v1/participations/{published}/feedback-report", "report-feedback", false)]
    public async Task The_report_has_no_wcag_violations_in_dutch_and_english(string path, string name, bool ministry)
    {
        var page = ministry ? BureauReportAccessibilityTests.ministry : analyst;
        var url = path.Replace("{published}", world.PublishedParticipation, StringComparison.Ordinal);

        foreach (var lang in new[] { "nl", "en" })
        {
            var response = await page.GotoAsync($"{url}?lang={lang}");
            Assert.AreEqual(200, response!.Status, $"{name}.{lang}");
            await Screenshots.TakeAsync(page, TestContext, $"{name}.{lang}");
            Assert.AreEqual(lang, await PageActions.LangAsync(page), name);
            Assert.IsGreaterThanOrEqualTo(1, await page.Locator("h1").CountAsync(), $"{name}: a first-level heading");
            await AccessibilityCheck.AssertNoViolationsAsync(page, $"{name}.{lang}");
        }
    }
}
