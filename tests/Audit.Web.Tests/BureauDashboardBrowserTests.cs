using Audit.Core.Access;
using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>
/// The bureau's lists and dashboards on a 390 px phone and a 1440 px desktop (issue 18): axe finds nothing, the page
/// never scrolls sideways (a wide table scrolls in its own region), the round dashboard uses the full width so a date
/// stays on one line, and the filter button sits in line with its dropdowns. Screenshots of both widths are kept.
/// </summary>
[TestClass]
public sealed class BureauDashboardBrowserTests
{
    private static BureauSession session = null!;
    private static IPage admin = null!;

    public TestContext TestContext { get; set; } = null!;

    private static BureauWorld world => session.World;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        session = await BureauSession.StartAsync();
        admin = await session.Chromium.NewPageAsync(session.App);
        await PageActions.SignInWithTokenAsync(admin, await session.App.UserWithTokenAsync("Bea Beheer", Role.Admin));
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (session is not null)
        {
            await session.DisposeAsync();
        }
    }

    [TestMethod]
    [DataRow("/bureau/rondes", "dash-rounds")]
    [DataRow("/bureau/rondes/" + BureauWorld.OpenRound, "dash-round-open")]
    [DataRow("/bureau/rondes/" + BureauWorld.PublishedRound, "dash-round-published")]
    [DataRow("/bureau/rondes/" + BureauWorld.OpenRound + "/instellingen", "dash-round-institutions")]
    [DataRow("/bureau/rondes/" + BureauWorld.OpenRound + "/sluiten", "dash-round-close")]
    [DataRow("/bureau/rondes/" + BureauWorld.OpenRound + "/publiceren", "dash-round-publication")]
    [DataRow("/bureau/instellingen", "dash-institutions")]
    [DataRow("/bureau/deelnames/{open}", "dash-participation")]
    [DataRow("/bureau/auditlog", "dash-audit-log")]
    [DataRow("/bureau/gebruikers", "dash-users")]
    [DataRow("/bureau/vragenlijsten", "dash-questionnaires")]
    public async Task The_page_fits_a_phone_and_a_desktop_without_wcag_violations(string path, string name)
    {
        var url = path.Replace("{open}", world.OwnParticipation, StringComparison.Ordinal);
        try
        {
            foreach (var (width, height) in new[] { (390, 844), (1440, 900) })
            {
                await admin.SetViewportSizeAsync(width, height);
                var response = await admin.GotoAsync(url);
                Assert.AreEqual(200, response!.Status, $"{name}.{width}");
                var (scroll, inner) = (await admin.EvaluateAsync<int>("() => document.documentElement.scrollWidth"),
                    await admin.EvaluateAsync<int>("() => window.innerWidth"));
                Assert.IsLessThanOrEqualTo(inner, scroll, $"{name}.{width}: the page never scrolls sideways");
                await AccessibilityCheck.AssertAccessibleAsync(admin, TestContext, $"{name}.{width}", "nl");
            }
        }
        finally
        {
            await admin.SetViewportSizeAsync(1280, 720);
        }
    }

    [TestMethod]
    public async Task On_a_desktop_the_dashboard_table_is_wide_and_a_date_stays_on_one_line()
    {
        var page = await session.Chromium.NewPageAsync(session.App);
        await PageActions.SignInWithTokenAsync(page, world.AnalystToken);
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync("/bureau/rondes/" + BureauWorld.OpenRound);

        var table = page.GetByRole(AriaRole.Table, new() { Name = "Deelnames met hun status en voortgang", Exact = true });
        var box = await table.BoundingBoxAsync();
        Assert.IsNotNull(box);
        Assert.IsGreaterThan(1000, box.Width, "the participations table uses the full width");
        var date = table.Locator("time").First;
        var lines = await date.EvaluateAsync<int>("t => t.getClientRects().length");
        var (dateHeight, lineHeight) = ((await date.BoundingBoxAsync())!.Height,
            await date.EvaluateAsync<double>("t => parseFloat(getComputedStyle(t).lineHeight)"));
        Assert.AreEqual(1, lines, "the date is one box");
        Assert.IsLessThan(lineHeight * 1.5, dateHeight, "the date stays on one line");
        await Screenshots.TakeAsync(page, TestContext, "dash-round-table.1440");

        var select = await page.Locator("#filter-status").BoundingBoxAsync();
        var button = await page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).BoundingBoxAsync();
        Assert.IsLessThanOrEqualTo(2.0, Math.Abs((select!.Y + select.Height) - (button!.Y + button.Height)),
            "the Filteren button sits in line with its dropdowns");
    }

    [TestMethod]
    public async Task On_a_phone_a_table_scrolls_in_its_own_region_that_a_keyboard_reaches()
    {
        var page = await session.Chromium.NewPageAsync(session.App);
        await PageActions.SignInWithTokenAsync(page, world.AnalystToken);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/bureau/rondes/" + BureauWorld.OpenRound);

        var region = page.GetByRole(AriaRole.Region, new() { Name = "Deelnames met hun status en voortgang", Exact = true });
        Assert.AreEqual("0", await region.GetAttributeAsync("tabindex"), "a keyboard user can scroll it");
        var (scroll, client) = (await region.EvaluateAsync<int>("r => r.scrollWidth"), await region.EvaluateAsync<int>("r => r.clientWidth"));
        Assert.IsGreaterThan(client, scroll, "the table is wider than the phone and scrolls inside its region");
        Assert.IsLessThanOrEqualTo(390, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
    }
}
