using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Audit.Web.Tests.Infrastructure.RespondentActions;

namespace Audit.Web.Tests;

/// <summary>
/// The respondent's path (issue 18): the start page, the overview (recap) and the confirmation, empty and complete,
/// and the list of participations give axe no violation and never widen the page, on a 390 px phone and at 1440 px.
/// </summary>
[TestClass]
public sealed class RespondentPathAccessibilityTests
{
    private static WebApp app = null!;
    private static Chromium chromium = null!;
    private static QuestionnaireWorld world = null!;
    private static IPage respondent = null!;
    private static string empty = "";
    private static string complete = "";

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        chromium = await Chromium.LaunchAsync();
        app = WebApp.Start();
        world = await QuestionnaireWorld.CreateAsync(app);
        empty = await world.OpenRoundAsync("web-path-empty", "Ronde 2025 (nog leeg)");
        complete = await world.OpenRoundAsync("web-path-complete", "Ronde 2025 (volledig ingevuld)");
        await world.AnswerAllAsync(complete);
        respondent = await chromium.NewPageAsync(app);
        await SignInByInvitationAsync(respondent, app, "Toegankelijk Getest");
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }
        world?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [TestMethod]
    [DataRow("start-empty", "empty", "")]
    [DataRow("start-complete", "complete", "")]
    [DataRow("overview-empty", "empty", "/overzicht")]
    [DataRow("overview-complete", "complete", "/overzicht")]
    [DataRow("confirm", "complete", "/indienen")]
    [DataRow("list", "", "")]
    public async Task The_page_has_no_violations_and_fits_a_phone_and_a_desktop(string name, string which, string suffix)
    {
        var path = which == "" ? "/deelnames" : $"/deelnames/{(which == "empty" ? empty : complete)}{suffix}";
        foreach (var (width, height) in new[] { (390, 844), (1440, 900) })
        {
            await respondent.SetViewportSizeAsync(width, height);
            foreach (var lang in new[] { "nl", "en" })
            {
                var response = await respondent.GotoAsync($"{path}?lang={lang}");
                Assert.AreEqual(200, response!.Status, $"{name}.{lang}");
                Assert.AreEqual(path, new Uri(respondent.Url).AbsolutePath, $"{name}: no redirect");
                var label = $"respondent-path-{name}-{width}.{lang}";
                await AccessibilityCheck.AssertAccessibleAsync(respondent, TestContext, label, lang);
                Assert.IsLessThanOrEqualTo(await respondent.EvaluateAsync<int>("() => window.innerWidth"),
                    await respondent.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), $"{label}: the page does not widen");
            }
        }
    }

    [TestMethod]
    public async Task The_submit_button_leads_to_the_confirmation_only_when_nothing_is_missing()
    {
        await respondent.SetViewportSizeAsync(1440, 900);
        await respondent.GotoAsync($"/deelnames/{empty}/overzicht?lang=nl");
        Assert.AreEqual(0, await respondent.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }).CountAsync());

        await respondent.GotoAsync($"/deelnames/{complete}?lang=nl");
        Assert.AreEqual(1, await respondent.GetByText("Fatima de Vries").CountAsync(), "the colleague who answered is named");
        await respondent.GetByRole(AriaRole.Link, new() { Name = "Overzicht en indienen" }).ClickAsync();
        await respondent.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }).ClickAsync();
        Assert.AreEqual($"/deelnames/{complete}/indienen", new Uri(respondent.Url).AbsolutePath);
        Assert.AreEqual(1, await respondent.GetByRole(AriaRole.Button, new() { Name = "Ja, vragenlijst indienen" }).CountAsync());
    }
}
