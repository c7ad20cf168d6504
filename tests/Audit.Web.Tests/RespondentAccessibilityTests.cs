using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Audit.Web.Tests.Infrastructure.RespondentActions;

namespace Audit.Web.Tests;

/// <summary>The respondent pages give axe-core no WCAG 2.1 A/AA violation, in Dutch and in English, also with errors shown.</summary>
/// <remarks>
/// Every test has a round of its own, all opened before the tests so the list of participations is the same whatever
/// runs first. The page tests only read and share one signed-in respondent; the error test posts forms and has a
/// browser context of its own.
/// </remarks>
[TestClass]
public sealed class RespondentAccessibilityTests
{
    private const string Errors = "errors";
    private static readonly string[] Rounds = ["list", "theme", "theme-last", "summary", "submit-confirm", Errors];
    private static readonly Dictionary<string, string> Participations = [];
    private static WebApp app = null!;
    private static Chromium chromium = null!;
    private static QuestionnaireWorld world = null!;
    private static IPage respondent = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        chromium = await Chromium.LaunchAsync();
        app = WebApp.Start();
        world = await QuestionnaireWorld.CreateAsync(app);
        foreach (var name in Rounds)
        {
            Participations[name] = name == Errors
                ? await world.OpenRoundAsync("web-a11y-errors", "Ronde 2025 (fouten)")
                : await world.OpenRoundAsync("web-a11y-" + name, "Ronde 2025 (" + name + ")");
        }
        // The confirmation page is offered only when nothing is missing.
        await world.AnswerAllAsync(Participations["submit-confirm"]);
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
    [DataRow("list", "")]
    [DataRow("theme", "/thema/alles")]
    [DataRow("theme-last", "/thema/slot")]
    [DataRow("summary", "/overzicht")]
    [DataRow("submit-confirm", "/indienen")]
    public async Task The_respondent_page_has_no_wcag_violations_in_dutch_and_english(string name, string suffix)
    {
        var id = Participations[name];
        var path = name == "list" ? "/deelnames" : $"/deelnames/{id}{suffix}";

        foreach (var lang in new[] { "nl", "en" })
        {
            var response = await respondent.GotoAsync($"{path}?lang={lang}");
            Assert.AreEqual(200, response!.Status, $"{name}.{lang}");
            await AccessibilityCheck.AssertAccessibleAsync(respondent, TestContext, $"respondent-{name}.{lang}", lang);
        }
    }

    [TestMethod]
    public async Task The_theme_page_with_errors_and_the_refused_summary_have_no_wcag_violations()
    {
        var id = Participations[Errors];
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await SignInByInvitationAsync(page, app, "Toegankelijk Getest");

        foreach (var (lang, save) in new[] { ("nl", "Opslaan"), ("en", "Save") })
        {
            await page.GotoAsync(ThemePath(id, "alles") + "?lang=" + lang);
            await Question(page, "alles.aantal").GetByRole(AriaRole.Textbox).FillAsync("veel");
            await ById(page, "v-alles.uitkomsten-r0-c1").FillAsync("-2");
            await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }));
            await Assertions.Expect(page.Locator(".audit-error-summary")).ToBeVisibleAsync();
            Assert.AreEqual("true", await Question(page, "alles.aantal").GetByRole(AriaRole.Textbox).GetAttributeAsync("aria-invalid"));
            await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, $"respondent-theme-errors.{lang}", lang);

            // The confirmation page is not offered while answers are missing, so the refused submission is the one a
            // page opened earlier would send: the theme form's antiforgery field, posted to the submission.
            await page.GotoAsync(ThemePath(id, "alles"));
            await PageActions.NavigateByAsync(page, () => page.EvaluateAsync(
                "a => { const f = document.querySelector('form[method=post]'); f.action = a; f.submit(); }", $"/deelnames/{id}/indienen"));
            await Assertions.Expect(page.Locator(".audit-error-summary")).ToBeVisibleAsync();
            await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, $"respondent-summary-refused.{lang}", lang);
        }
    }
}
