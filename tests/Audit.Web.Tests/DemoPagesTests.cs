using Audit.Api.Demo;
using Audit.Core.Access;
using Audit.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>
/// The demo as a first visitor sees it (<c>--demo</c>): the bureau's rounds list (2025 first), the ministry's published
/// rounds with a withheld sector, a publication preview with that sector, and the demo respondent's participations. At
/// 390 and 1440 px the page does not widen, axe finds nothing, and a screenshot is kept for review.
/// </summary>
[TestClass]
public sealed class DemoPagesTests
{
    private static Chromium chromium = null!;
    private static WebApp app = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        chromium = await Chromium.LaunchAsync();
        app = WebApp.Start();
        await app.Services.GetRequiredService<DemoSeeder>().RunAsync(app.BaseUrl.ToString(), CancellationToken.None);
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    private static async Task<IPage> SignedInAsync(Role role, string? institution = null)
    {
        var page = await chromium.NewPageAsync(app);
        await PageActions.SignInWithTokenAsync(page, await app.UserWithTokenAsync($"Demo {role}", role, institution));
        return page;
    }

    private async Task LookAsync(IPage page, string path, string name)
    {
        foreach (var width in new[] { 390, 1440 })
        {
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
            var response = await page.GotoAsync(app.Url(path).ToString());
            Assert.AreEqual(200, response!.Status, path);
            var fits = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
            Assert.IsTrue(fits, $"{path} widens the page at {width} px");
            // Takes the screenshot too.
            await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, $"demo-{name}.{width}", "nl");
        }
    }

    [TestMethod]
    public async Task The_bureau_sees_the_2025_round_first_and_a_withheld_sector_in_the_preview()
    {
        var analyst = await SignedInAsync(Role.Analyst);
        await LookAsync(analyst, "/bureau/rondes", "bureau-rounds");
        var rows = await analyst.Locator("main table tbody tr").AllInnerTextsAsync();
        Assert.Contains("2025", rows[0], "newest round first");
        await LookAsync(analyst, $"/bureau/rondes/{DemoPlan.Institutes2023}/publiceren", "publication-preview");
        Assert.Contains("Niet gepubliceerd: te weinig instellingen", await analyst.Locator("main").InnerTextAsync());
    }

    [TestMethod]
    public async Task The_ministry_sees_the_2023_rounds_with_a_withheld_sector()
    {
        var ministry = await SignedInAsync(Role.Ministry);
        await LookAsync(ministry, "/ministerie/rondes", "ministry-rounds");
        var text = await ministry.Locator("main").InnerTextAsync();
        Assert.Contains("niet gepubliceerd, te weinig instellingen", text);
        Assert.Contains("30 november 2023", text);
    }

    [TestMethod]
    public async Task The_demo_respondent_sees_2023_accepted_and_2025_to_start()
    {
        var respondent = await SignedInAsync(Role.Respondent, DemoPlan.RespondentInstitution);
        await LookAsync(respondent, "/deelnames", "respondent-participations");
    }
}
