using System.Net.Http.Json;
using System.Text.Json;
using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests;

/// <summary>
/// The registry pages (<c>/bureau/instellingen</c>): axe finds no WCAG 2.1 A/AA violation in Dutch and English, with
/// form errors and with the import's check table; the import works without script; screenshots at phone and desktop width.
/// </summary>
[TestClass]
public sealed class InstitutionAccessibilityTests
{
    private static BureauSession session = null!;
    private static string adminToken = "";

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        session = await BureauSession.StartAsync();
        var created = await session.World.Admin.PostAsJsonAsync("/api/v1/users", new { name = "Bea Beheer", email = "bea@bureau.example", role = "admin" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var token = await session.World.Admin.PostAsJsonAsync($"/api/v1/users/{id}/tokens", new { });
        adminToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (session is not null)
        {
            await session.DisposeAsync();
        }
    }

    private async Task CheckAsync(IPage page, string name, string lang)
    {
        await AccessibilityCheck.AssertAccessibleAsync(page, TestContext, $"{name}.{lang}", lang);
        await page.SetViewportSizeAsync(390, 844);
        await Screenshots.TakeAsync(page, TestContext, $"{name}.{lang}.390");
        await page.SetViewportSizeAsync(1440, 900);
        await Screenshots.TakeAsync(page, TestContext, $"{name}.{lang}.1440");
        await page.SetViewportSizeAsync(1280, 900);
    }

    [TestMethod]
    [DataRow("/bureau/instellingen", "institutions", false)]
    [DataRow("/bureau/instellingen?naam=amsterdam&type=universiteit", "institutions-filtered", false)]
    [DataRow("/bureau/instellingen?ronde=" + BureauWorld.OpenRound, "institutions-without-contact", false)]
    [DataRow("/bureau/instellingen/" + BureauWorld.Own, "institution", false)]
    [DataRow("/bureau/instellingen/importeren", "institution-import", false)]
    [DataRow("/bureau/instellingen/nieuw", "institution-new", true)]
    [DataRow("/bureau/instellingen/" + BureauWorld.Own, "institution-admin", true)]
    public async Task The_page_has_no_wcag_violations_in_dutch_and_english(string path, string name, bool admin)
    {
        await using var context = await session.Chromium.NewContextAsync(session.App);
        var page = await context.NewPageAsync();
        await PageActions.SignInWithTokenAsync(page, admin ? adminToken : session.World.AnalystToken);

        foreach (var lang in new[] { "nl", "en" })
        {
            var response = await page.GotoAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang);
            Assert.AreEqual(200, response!.Status, $"{name}.{lang}");
            await CheckAsync(page, name, lang);
        }
    }

    [TestMethod]
    public async Task The_contact_form_with_errors_has_no_wcag_violations_and_its_summary_leads_to_the_field()
    {
        await using var context = await session.Chromium.NewContextAsync(session.App);
        var page = await context.NewPageAsync();
        await PageActions.SignInWithTokenAsync(page, session.World.AnalystToken);
        await page.GotoAsync($"/bureau/instellingen/{BureauWorld.Own}");

        await page.Locator("#contact-email").FillAsync("geen adres");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Contactpersoon toevoegen" }));

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul een geldig e-mailadres in");
        Assert.AreEqual("true", await page.Locator("#contact-email").GetAttributeAsync("aria-invalid"));
        Assert.StartsWith("Fout: ", await page.TitleAsync());
        await CheckAsync(page, "institution-contact-errors", "nl");
    }

    private static Task UploadAsync(IPage page, string csv) =>
        page.GetByLabel("CSV-bestand").SetInputFilesAsync(new FilePayload { Name = "contactpersonen.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });

    [TestMethod]
    public async Task The_import_check_table_has_no_wcag_violations_with_and_without_errors()
    {
        await using var context = await session.Chromium.NewContextAsync(session.App);
        var page = await context.NewPageAsync();
        await PageActions.SignInWithTokenAsync(page, session.World.AnalystToken);

        foreach (var (csv, name) in new[]
        {
            ("institutionId;name;email\nvu;Dana Smit;dana@vu.example\nnergens;X;x@x.example\n", "institution-import-errors"),
            ("institutionId;name;email\nvu;Dana Smit;dana@vu.example\n", "institution-import-check"),
        })
        {
            await page.GotoAsync("/bureau/instellingen/importeren");
            await UploadAsync(page, csv);
            await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Bestand controleren" }));
            await CheckAsync(page, name, "nl");
        }
    }

    /// <summary>Without script: no axe here (it is a script), only the two steps a person takes.</summary>
    [TestMethod]
    public async Task Contacts_are_imported_without_script_in_two_steps()
    {
        await using var context = await session.Chromium.NewContextAsync(session.App, javaScript: false);
        var page = await context.NewPageAsync();
        await PageActions.SignInWithTokenAsync(page, session.World.AnalystToken);
        await page.GotoAsync("/bureau/instellingen/importeren");

        await UploadAsync(page, "institutionId;name;email\nvu;Chris Bakker;chris@vu.example\nnergens;X;x@x.example\n");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Bestand controleren" }));

        await Assertions.Expect(page.Locator("#totalen")).ToHaveTextAsync("1 nieuw, 0 gewijzigd, 0 ongewijzigd, 1 met een fout.");
        Assert.AreEqual(0, await page.GetByRole(AriaRole.Button, new() { Name = "Importeren", Exact = true }).CountAsync());

        await UploadAsync(page, "institutionId;name;email\nvu;Chris Bakker;chris@vu.example\n");
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Bestand controleren" }));
        await PageActions.ClickToNextPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Importeren", Exact = true }));

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Import voltooid: 1 nieuw, 0 gewijzigd, 0 ongewijzigd.");
        await page.GotoAsync("/bureau/instellingen/vu");
        await Assertions.Expect(page.Locator("#contactpersonen ~ div table").First).ToContainTextAsync("chris@vu.example");
    }
}
