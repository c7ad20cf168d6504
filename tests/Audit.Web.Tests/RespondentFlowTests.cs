using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Audit.Core.Access;
using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Audit.Web.Tests.Infrastructure.RespondentActions;

namespace Audit.Web.Tests;

/// <summary>
/// A respondent in a real browser: signs in by invitation, fills in a theme with every question type while autosave
/// reports "Opgeslagen", is refused at submission while a required question is open, completes it and submits; and a
/// colleague's change between loading and editing shows up as a conflict.
/// </summary>
[TestClass]
public sealed class RespondentFlowTests
{
    private static readonly AnswerWriteSignals Writes = new();

    private static WebApp app = null!;
    private static Chromium chromium = null!;
    private static QuestionnaireWorld world = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        chromium = await Chromium.LaunchAsync();
        app = WebApp.Start(Writes.Register);
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
    public async Task A_respondent_fills_in_every_question_type_with_autosave_is_refused_while_incomplete_and_submits()
    {
        var id = await world.OpenRoundAsync("web-flow", "Ronde 2025 (flow)");
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await SignInByInvitationAsync(page, app, "Renate Respondent");

        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Mijn deelnames" }));
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Vragenlijst invullen voor Ronde 2025 (flow)" }));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Alle soorten vragen");
        await Assertions.Expect(page.Locator("[data-autosave-note]")).ToBeVisibleAsync();

        await Assertions.Expect(Question(page, "alles.toelichting")).ToBeHiddenAsync();
        await Question(page, "alles.beleid").GetByLabel("Nee").CheckAsync();
        await Assertions.Expect(Question(page, "alles.toelichting")).ToBeVisibleAsync();
        await Assertions.Expect(Status(page, "alles.beleid")).ToHaveTextAsync(Saved);
        await Question(page, "alles.toelichting").GetByRole(AriaRole.Textbox).FillAsync("Het beleid wordt dit jaar vastgesteld.");
        await Assertions.Expect(ById(page, "n-alles.toelichting")).ToHaveTextAsync("Nog 462 van 500 tekens over.");
        await Question(page, "alles.volwassenheid").GetByLabel("3 – Gedefinieerd").CheckAsync();
        await Question(page, "alles.aantal").GetByRole(AriaRole.Textbox).FillAsync("12");
        await Question(page, "alles.methode").GetByLabel("Systematisch").CheckAsync();
        await AutosavedAsync(page, "alles.criteria", """["land","geld"]""", async () =>
        {
            await Question(page, "alles.criteria").GetByLabel("Land van de partner").CheckAsync();
            await Question(page, "alles.criteria").GetByLabel("Financiering").CheckAsync();
        });
        await AutosavedAsync(page, "alles.uitkomsten", """{"cn":{"door":3},"other":{"gestopt":1}}""", async () =>
        {
            await ById(page, "v-alles.uitkomsten-r0-c0").FillAsync("3");
            await ById(page, "v-alles.uitkomsten-r1-c1").FillAsync("1");
        });
        await Question(page, "alles.opmerking").GetByRole(AriaRole.Textbox).FillAsync("Geen verdere opmerkingen.");
        foreach (var key in new[] { "alles.toelichting", "alles.volwassenheid", "alles.aantal", "alles.methode", "alles.criteria", "alles.uitkomsten", "alles.opmerking" })
        {
            await Assertions.Expect(Status(page, key)).ToHaveTextAsync(Saved);
        }
        await Screenshots.TakeAsync(page, TestContext, "theme-autosaved.nl");

        var answers = await world.AnswersAsync(id);
        Assert.AreEqual("no", answers["alles.beleid"].GetString());
        Assert.AreEqual(3, answers["alles.volwassenheid"].GetInt32());
        Assert.AreEqual(12, answers["alles.aantal"].GetInt32());
        Assert.AreEqual("systematisch", answers["alles.methode"].GetString());
        Assert.AreEqual("[\"land\",\"geld\"]", answers["alles.criteria"].GetRawText());
        Assert.AreEqual("{\"cn\":{\"door\":3},\"other\":{\"gestopt\":1}}", answers["alles.uitkomsten"].GetRawText());
        Assert.AreEqual("Het beleid wordt dit jaar vastgesteld.", answers["alles.toelichting"].GetString());

        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Naar het overzicht" }));
        // While an answer is missing the overview lists it first and offers no submission.
        var missing = page.Locator(".audit-path-missing");
        await Assertions.Expect(missing).ToContainTextAsync("Nog te beantwoorden");
        Assert.AreEqual(0, await page.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }).CountAsync());
        Assert.AreEqual("in_progress", await world.StatusAsync(id));
        await Screenshots.TakeAsync(page, TestContext, "summary-incomplete.nl");

        await PageActions.ClickToNextPageAsync(missing.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("met het bestuur besproken") }));
        await Question(page, "slot.akkoord").GetByLabel("Ja").CheckAsync();
        await Assertions.Expect(Status(page, "slot.akkoord")).ToHaveTextAsync(Saved);
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Naar het overzicht" }));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Alle verplichte vragen zijn beantwoord");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }));
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ja, vragenlijst indienen" }));

        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("De vragenlijst is ingediend.");
        Assert.AreEqual("submitted", await world.StatusAsync(id));
        await Screenshots.TakeAsync(page, TestContext, "summary-submitted.nl");
    }

    [TestMethod]
    public async Task A_colleagues_change_between_loading_and_editing_shows_as_a_conflict_and_mine_can_be_kept()
    {
        var id = await world.OpenRoundAsync("web-conflict", "Ronde 2025 (conflict)");
        using var colleague = app.ApiClient(await app.UserWithTokenAsync("Collega", Role.Respondent, QuestionnaireWorld.Institution));
        var url = new Uri($"/api/v1/participations/{id}/answers/alles.aantal", UriKind.Relative);
        Assert.IsTrue((await colleague.PutAsJsonAsync(url, new { value = 10 })).IsSuccessStatusCode);
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await SignInByInvitationAsync(page, app, "Renate Respondent");
        await page.GotoAsync(ThemePath(id, "alles"));
        var field = Question(page, "alles.aantal").GetByRole(AriaRole.Textbox);
        await Assertions.Expect(field).ToHaveValueAsync("10");

        using var change = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { value = 40 }) };
        change.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        Assert.IsTrue((await colleague.SendAsync(change)).IsSuccessStatusCode);
        await field.FillAsync("12");

        await Assertions.Expect(Status(page, "alles.aantal")).ToContainTextAsync("Gewijzigd door een collega.");
        await Assertions.Expect(Status(page, "alles.aantal")).ToContainTextAsync("Het antwoord van uw collega: 40");
        Assert.AreEqual(40, (await world.AnswersAsync(id))["alles.aantal"].GetInt32(), "nothing was overwritten");
        await Screenshots.TakeAsync(page, TestContext, "theme-conflict.nl");

        await Question(page, "alles.aantal").GetByRole(AriaRole.Button, new() { Name = "Mijn antwoord bewaren" }).ClickAsync();

        await Assertions.Expect(Status(page, "alles.aantal")).ToHaveTextAsync(Saved);
        Assert.AreEqual(12, (await world.AnswersAsync(id))["alles.aantal"].GetInt32());
    }

    [TestMethod]
    public async Task A_change_still_waiting_to_be_saved_says_so_and_is_saved_when_the_respondent_clicks_away()
    {
        var id = await world.OpenRoundAsync("web-leave", "Ronde 2025 (wegklikken)");
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await SignInByInvitationAsync(page, app, "Renate Respondent");
        await page.GotoAsync(ThemePath(id, "alles"));
        var field = Question(page, "alles.opmerking").GetByRole(AriaRole.Textbox);
        await AutosavedAsync(page, "alles.opmerking", "\"Eerste versie\"", () => field.FillAsync("Eerste versie"));
        await Assertions.Expect(Status(page, "alles.opmerking")).ToHaveTextAsync(Saved);

        // While the change waits for its save delay, the status must not still say "Opgeslagen".
        await AutosavedAsync(page, "alles.opmerking", "\"Tweede versie\"", async () =>
        {
            await field.FillAsync("Tweede versie");
            await Assertions.Expect(Status(page, "alles.opmerking")).ToHaveTextAsync("Nog niet opgeslagen");
        });
        await Assertions.Expect(Status(page, "alles.opmerking")).ToHaveTextAsync(Saved);

        // A link clicked within the delay: the change goes out as the page is left, not with it.
        var written = Writes.NextWriteAsync("alles.opmerking", "Derde versie");
        await field.FillAsync("Derde versie");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Naar het overzicht" }));

        Assert.AreEqual(200, await written.WaitAsync(Timeouts.Default));
        Assert.AreEqual("Derde versie", (await world.AnswersAsync(id))["alles.opmerking"].GetString());
    }

    [TestMethod]
    public async Task A_long_answer_wraps_inside_its_text_box_on_a_phone()
    {
        var id = await world.OpenRoundAsync("web-wrap", "Ronde 2025 (tekstvak)");
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await SignInByInvitationAsync(page, app, "Renate Respondent");
        await page.GotoAsync(ThemePath(id, "alles"));
        var field = Question(page, "alles.opmerking").GetByRole(AriaRole.Textbox);

        await field.FillAsync(string.Join(' ', Enumerable.Repeat("Het beleid is in 2024 door het college van bestuur vastgesteld.", 6)));

        // A text box that does not wrap scrolls sideways: its content is then wider than the box.
        var (scroll, client) = (await field.EvaluateAsync<int>("f => f.scrollWidth"), await field.EvaluateAsync<int>("f => f.clientWidth"));
        Assert.IsLessThanOrEqualTo(client, scroll, "the text wraps instead of running off to the right");
        Assert.AreNotEqual("nowrap", await field.EvaluateAsync<string>("f => getComputedStyle(f).whiteSpace"));
        Assert.IsLessThanOrEqualTo(390, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), "the page does not widen");
        await Screenshots.TakeAsync(page, TestContext, "respondent-textarea-wraps.390");
    }
}
