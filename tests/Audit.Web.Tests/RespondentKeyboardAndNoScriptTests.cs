using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Audit.Web.Tests.Infrastructure.RespondentActions;

namespace Audit.Web.Tests;

/// <summary>
/// The questionnaire without a mouse (Tab, Space, arrow keys, typing, Enter) and without JavaScript (plain form posts:
/// errors at the top and at the fields with nothing saved, questions brought up by an answer shown after the save).
/// </summary>
[TestClass]
public sealed class RespondentKeyboardAndNoScriptTests
{
    private static WebApp app = null!;
    private static Chromium chromium = null!;
    private static QuestionnaireWorld world = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        chromium = await Chromium.LaunchAsync();
        app = WebApp.Start();
        world = await QuestionnaireWorld.CreateAsync(app);
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
    public async Task A_keyboard_user_completes_a_theme_without_a_mouse()
    {
        var id = await world.OpenRoundAsync("web-keyboard", "Ronde 2025 (toetsenbord)");
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await SignInByInvitationAsync(page, app, "Karel Toetsenbord");
        await page.GotoAsync(ThemePath(id, "alles"));
        var keys = page.Keyboard;

        await TabToAsync(page, "v-alles.beleid-0");
        await keys.PressAsync("Space");
        await keys.PressAsync("ArrowDown"); // "Nee", which brings up the explanation
        await TabToAsync(page, "v-alles.toelichting");
        await keys.TypeAsync("Het bestuur besluit in het voorjaar.");
        await TabToAsync(page, "v-alles.volwassenheid-0");
        await keys.PressAsync("ArrowDown");
        await keys.PressAsync("ArrowDown");
        await keys.PressAsync("ArrowDown");
        await TabToAsync(page, "v-alles.aantal");
        await keys.TypeAsync("7");
        await TabToAsync(page, "v-alles.methode-0");
        await keys.PressAsync("ArrowDown");
        await keys.PressAsync("ArrowDown");
        await TabToAsync(page, "v-alles.criteria-0");
        await keys.PressAsync("Space");
        await keys.PressAsync("Tab");
        await keys.PressAsync("Space");
        await TabToAsync(page, "v-alles.uitkomsten-r0-c0");
        await keys.TypeAsync("2");
        await keys.PressAsync("Tab");
        await keys.TypeAsync("1");
        await TabToButtonAsync(page, "Opslaan en verder");
        await PageActions.NavigateByAsync(page, () => keys.PressAsync("Enter"));

        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Uw antwoorden zijn opgeslagen.");
        Assert.EndsWith("/thema/slot?status=saved", page.Url);
        await Assertions.Expect(page.Locator(".audit-theme-nav__item").First).ToContainTextAsync("compleet");
        var answers = await world.AnswersAsync(id);
        Assert.AreEqual("no", answers["alles.beleid"].GetString());
        Assert.AreEqual("Het bestuur besluit in het voorjaar.", answers["alles.toelichting"].GetString());
        Assert.AreEqual(3, answers["alles.volwassenheid"].GetInt32());
        Assert.AreEqual(7, answers["alles.aantal"].GetInt32());
        Assert.AreEqual("systematisch", answers["alles.methode"].GetString());
        Assert.AreEqual("[\"land\",\"geld\"]", answers["alles.criteria"].GetRawText());
        Assert.AreEqual("{\"cn\":{\"door\":2,\"gestopt\":1}}", answers["alles.uitkomsten"].GetRawText());
        await Screenshots.TakeAsync(page, TestContext, "theme-keyboard-done.nl");
    }

    [TestMethod]
    public async Task Without_javascript_a_theme_is_checked_kept_as_typed_and_saved_whole()
    {
        var id = await world.OpenRoundAsync("web-no-script", "Ronde 2025 (zonder script)");
        await using var context = await chromium.NewContextAsync(app, javaScript: false);
        var page = await context.NewPageAsync();
        await SignInByInvitationAsync(page, app, "Nora Zonderscript");
        await page.GotoAsync(ThemePath(id, "alles"));
        await Assertions.Expect(page.Locator("[data-no-script-note]")).ToBeVisibleAsync();
        await Assertions.Expect(Question(page, "alles.toelichting")).ToBeHiddenAsync();

        await Question(page, "alles.beleid").GetByLabel("Nee").CheckAsync();
        await Question(page, "alles.volwassenheid").GetByLabel("2 – Herhaalbaar").CheckAsync();
        await Question(page, "alles.aantal").GetByRole(AriaRole.Textbox).FillAsync("veel");
        await Question(page, "alles.methode").GetByLabel("Per geval").CheckAsync();
        await Question(page, "alles.criteria").GetByLabel("Onderzoeksgebied").CheckAsync();
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }));

        var summary = page.Locator(".audit-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Er is niets opgeslagen");
        var field = Question(page, "alles.aantal").GetByRole(AriaRole.Textbox);
        await Assertions.Expect(field).ToHaveValueAsync("veel");
        Assert.Contains("e-alles.aantal", (await field.GetAttributeAsync("aria-describedby"))!.Split(' '));
        await Assertions.Expect(Question(page, "alles.methode").GetByLabel("Per geval")).ToBeCheckedAsync();
        Assert.IsEmpty(await world.AnswersAsync(id), "nothing is saved while anything is invalid");
        await Screenshots.TakeAsync(page, TestContext, "theme-errors-no-script.nl");

        await Assertions.Expect(Question(page, "alles.toelichting")).ToBeVisibleAsync(); // brought up by the "Nee" entered

        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(ById(page, "v-alles.aantal"), "the summary's link leads to the field").ToBeFocusedAsync();
        await field.FillAsync("15");
        await Question(page, "alles.toelichting").GetByRole(AriaRole.Textbox).FillAsync("Nog in voorbereiding.");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }));

        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Uw antwoorden zijn opgeslagen.");
        Assert.EndsWith("/thema/slot?status=saved", page.Url);
        var answers = await world.AnswersAsync(id);
        Assert.AreEqual(15, answers["alles.aantal"].GetInt32());
        Assert.AreEqual("adhoc", answers["alles.methode"].GetString());
        Assert.AreEqual("Nog in voorbereiding.", answers["alles.toelichting"].GetString());

        // An answer that brings up a question the page did not show: the save stays on the theme to show it.
        await page.GotoAsync(ThemePath(id, "alles"));
        await Question(page, "alles.beleid").GetByLabel("Ja").CheckAsync();
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }));
        await Assertions.Expect(Question(page, "alles.toelichting")).ToBeHiddenAsync();
        await Question(page, "alles.beleid").GetByLabel("Nee").CheckAsync();
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en verder" }));
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("zijn er vragen bijgekomen");
        await Assertions.Expect(Question(page, "alles.toelichting").GetByRole(AriaRole.Textbox)).ToHaveValueAsync("Nog in voorbereiding.");

        await Question(page, "alles.aantal").GetByRole(AriaRole.Textbox).FillAsync("");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }));
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Uw antwoorden zijn opgeslagen.");
        Assert.DoesNotContain("alles.aantal", (await world.AnswersAsync(id)).Keys, "an emptied field clears its answer");
    }
}
