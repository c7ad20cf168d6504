using System.Net.Http.Json;
using Audit.Core.Access;
using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Audit.Web.Tests.Infrastructure.RespondentActions;

namespace Audit.Web.Tests;

/// <summary>
/// The questions of a theme page in a real browser (issue 18): a typed comment is autosaved with its answer, a text box
/// grows with its content, a whole-number question says so before anything is sent, and the page with every question
/// type and the read-only page fit a phone and a desktop without axe violations.
/// </summary>
[TestClass]
public sealed class RespondentQuestionBrowserTests
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
    public async Task A_comment_is_autosaved_with_its_answer_a_text_box_grows_and_a_whole_number_question_says_whole_number()
    {
        var id = await world.OpenRoundAsync("web-questions", "Ronde 2025 (vragen)");
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await SignInByInvitationAsync(page, app, "Renate Respondent");
        await page.GotoAsync(ThemePath(id, "alles"));

        await Question(page, "alles.aantal").Locator("input.audit-number").FillAsync("3,5");
        await Assertions.Expect(Status(page, "alles.aantal")).ToHaveTextAsync("Niet opgeslagen: Vul een heel getal in van 0 tot en met 1.000.");

        var box = Question(page, "alles.opmerking").Locator("textarea.audit-textarea");
        var before = await box.EvaluateAsync<int>("b => b.offsetHeight");
        await box.FillAsync(string.Join(' ', Enumerable.Repeat("Het beleid is in 2024 door het college van bestuur vastgesteld.", 15)));
        Assert.AreNotEqual("nowrap", await box.EvaluateAsync<string>("b => getComputedStyle(b).whiteSpace"));
        Assert.IsGreaterThan(before, await box.EvaluateAsync<int>("b => b.offsetHeight"), "the box grew with its content");
        Assert.IsLessThanOrEqualTo(2, await box.EvaluateAsync<int>("b => b.scrollHeight - b.clientHeight"), "and shows all of it");

        await Question(page, "alles.beleid").GetByLabel("Ja").CheckAsync();
        await Assertions.Expect(Status(page, "alles.beleid")).ToHaveTextAsync(Saved);
        await Question(page, "alles.beleid").GetByText("Toelichting (niet verplicht)").ClickAsync();
        var comment = ById(page, "c-alles.beleid");
        await page.RunAndWaitForResponseAsync(() => comment.FillAsync("Vastgesteld in mei."), response =>
            response.Request.Method == "PUT" && response.Url.EndsWith("/answers/alles.beleid", StringComparison.Ordinal)
            && (response.Request.PostData ?? "").Contains("Vastgesteld in mei.", StringComparison.Ordinal));
        await Assertions.Expect(Status(page, "alles.beleid")).ToHaveTextAsync(Saved);
        Assert.AreEqual("Vastgesteld in mei.", await world.CommentAsync(id, "alles.beleid"));
        await Screenshots.TakeAsync(page, TestContext, "respondent-questions-autosaved.390");
    }

    [TestMethod]
    public async Task The_theme_page_with_every_question_type_and_the_read_only_page_fit_and_have_no_wcag_violations()
    {
        var open = await world.OpenRoundAsync("web-questions-open", "Ronde 2025 (alle vragen)");
        var closed = await world.OpenRoundAsync("web-questions-closed", "Ronde 2025 (gesloten)");
        using (var respondent = app.ApiClient(await app.UserWithTokenAsync("Collega", Role.Respondent, QuestionnaireWorld.Institution)))
        {
            foreach (var (key, value) in new (string, object)[] { ("alles.beleid", "no"), ("alles.toelichting", "Volgt in 2026."), ("alles.aantal", 12), ("alles.criteria", new[] { "land" }) })
            {
                var put = await respondent.PutAsJsonAsync(new Uri($"/api/v1/participations/{closed}/answers/{key}", UriKind.Relative), new { value, comment = "Besproken met de directie." });
                Assert.IsTrue(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
            }
        }
        await world.CloseRoundAsync("web-questions-closed");
        await using var context = await chromium.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await SignInByInvitationAsync(page, app, "Renate Respondent");

        foreach (var (width, height) in new[] { (390, 844), (1440, 900) })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var (name, id) in new[] { ("theme", open), ("theme-read-only", closed) })
            {
                await page.GotoAsync(ThemePath(id, "alles"));
                if (name == "theme-read-only")
                {
                    Assert.AreEqual(0, await page.Locator("main input:not([type=hidden]), main textarea").CountAsync(), "answers as text, not controls");
                    await Assertions.Expect(Question(page, "alles.aantal")).ToContainTextAsync("12 medewerkers");
                }
                Assert.IsLessThanOrEqualTo(width, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), $"{name} at {width}");
                await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, $"respondent-questions-{name}.{width}", "nl");
            }
        }
    }
}
