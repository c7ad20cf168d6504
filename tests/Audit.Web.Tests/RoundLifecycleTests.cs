using System.Text.RegularExpressions;
using Audit.Api.Mail;
using Audit.Core.Access;
using Audit.TestSupport;
using Audit.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Audit.Web.Tests.Infrastructure.RespondentActions;

namespace Audit.Web.Tests;

/// <summary>
/// A whole audit round in the browser, from a freshly seeded database (issue 17): the admin uploads a questionnaire,
/// creates a round for all universities with a reference date, imports the contacts from a CSV (dry run, then for real)
/// and sends the invitations. A contact follows the link in the mail, fills in and submits; the analyst returns it with
/// a remark; the contact answers again and resubmits; the analyst accepts after the confirmation. The other
/// universities are accepted by the test's setup (<see cref="LifecycleSetup"/>); the admin closes the round, previews
/// and publishes it, and the ministry reads the sector view. Only the setup and the postman (the mail job) bypass the
/// pages. The bureau and the ministry browse with JavaScript off; the contact with it on (autosave).
/// </summary>
[TestClass]
public sealed class RoundLifecycleTests
{
    private const string Institution = "uva";
    private const string InstitutionName = "Universiteit van Amsterdam";
    private const string ContactEmail = "contact@uva.example.nl";

    private static WebApp app = null!;
    private static Chromium chromium = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        chromium = await Chromium.LaunchAsync();
        app = WebApp.Start();
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

    [TestMethod]
    public async Task The_bureau_runs_a_round_from_questionnaire_to_publication_in_the_browser()
    {
        // The bureau and the ministry work with JavaScript off: every step of theirs is a plain link or form.
        await using var adminContext = await chromium.NewContextAsync(app, javaScript: false);
        var admin = await adminContext.NewPageAsync();
        await PageActions.SignInWithTokenAsync(admin, await app.UserWithTokenAsync("Bea Beheer", Role.Admin));

        await UploadQuestionnaireAsync(admin);
        var roundId = await CreateRoundAsync(admin);
        await OpenRoundAsync(admin, roundId);
        await ImportContactsAsync(admin);
        await SendInvitationsAsync(admin, roundId);

        // The contact of the UvA follows the link in the invitation and submits.
        await using var respondentContext = await chromium.NewContextAsync(app);
        var respondent = await respondentContext.NewPageAsync();
        var participationId = await FollowInvitationAsync(respondent);
        await respondent.GotoAsync(ThemePath(participationId, "beleid"));
        await AutosavedAsync(respondent, "beleid.vastgesteld", "\"yes\"", () => Question(respondent, "beleid.vastgesteld").GetByLabel("Ja").CheckAsync());
        await AnswerMaturityAsync(respondent, "2 – Herhaalbaar", "2");
        await SubmitAsync(respondent);

        // The analyst returns it with a remark.
        await using var analystContext = await chromium.NewContextAsync(app, javaScript: false);
        var analyst = await analystContext.NewPageAsync();
        await PageActions.SignInWithTokenAsync(analyst, await app.UserWithTokenAsync("Anna Analist", Role.Analyst));
        await analyst.GotoAsync($"/bureau/deelnames/{participationId}/beoordeling");
        await analyst.Locator("summary", new() { HasTextRegex = new Regex(@"bij vraag 1\.2$") }).ClickAsync();
        await analyst.GetByLabel("Opmerking bij vraag 1.2 (niet verplicht)").FillAsync("Onderbouw het niveau met de risicoanalyses van dit jaar.");
        await PageActions.ClickToNextPageAsync(analyst.GetByRole(AriaRole.Button, new() { Name = "Terugsturen met opmerkingen" }));
        await Assertions.Expect(analyst.GetByRole(AriaRole.Status)).ToContainTextAsync("teruggestuurd");

        // The contact reads the remark at its question, answers again and resubmits.
        await respondent.GotoAsync(ThemePath(participationId, "beleid"));
        await Assertions.Expect(Question(respondent, "beleid.volwassenheid")).ToContainTextAsync("Onderbouw het niveau met de risicoanalyses van dit jaar.");
        await AnswerMaturityAsync(respondent, "3 – Gedefinieerd", "3");
        await SubmitAsync(respondent);

        // The analyst accepts, through the confirmation step.
        await analyst.GotoAsync($"/bureau/deelnames/{participationId}/beoordeling");
        await PageActions.ClickToNextPageAsync(analyst.GetByRole(AriaRole.Button, new() { Name = "Accepteren…" }));
        await Assertions.Expect(analyst.Locator("main")).ToContainTextAsync("Definitief: antwoorden kunnen daarna niet meer worden gewijzigd");
        await PageActions.ClickToNextPageAsync(analyst.GetByRole(AriaRole.Button, new() { Name = "Ja, definitief accepteren" }));
        await Assertions.Expect(analyst.GetByRole(AriaRole.Status)).ToContainTextAsync("geaccepteerd");

        // The other universities answer and are accepted by the test's setup; the admin closes, previews and publishes.
        await LifecycleSetup.AcceptAllOthersAsync(app, roundId, Institution);
        await CloseAsync(admin, roundId);
        await PublishAsync(admin, roundId);

        // The ministry reads the published sector view.
        await using var ministryContext = await chromium.NewContextAsync(app, javaScript: false);
        var ministry = await ministryContext.NewPageAsync();
        await PageActions.SignInWithTokenAsync(ministry, await app.UserWithTokenAsync("Mira Ministerie", Role.Ministry));
        await ministry.GotoAsync($"/ministerie/rondes/{roundId}/sectoren/universiteit");
        await Assertions.Expect(ministry.Locator("main")).ToContainTextAsync(LifecycleSetup.MaturityQuestion);
        await Screenshots.TakeAsync(ministry, TestContext, "lifecycle-ministry-sector.nl");
    }

    private async Task UploadQuestionnaireAsync(IPage admin)
    {
        await PageActions.ClickToNextPageAsync(admin.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Vragenlijsten" }));
        await admin.GetByLabel("Bestand met de vragenlijst (YAML of JSON)").SetInputFilesAsync(new FilePayload
        {
            Name = "proef-2025.yaml",
            MimeType = "application/yaml",
            Buffer = System.Text.Encoding.UTF8.GetBytes(LifecycleSetup.QuestionnaireYaml),
        });
        await PageActions.ClickToNextPageAsync(admin.GetByRole(AriaRole.Button, new() { Name = "Uploaden" }));
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Versie 1 van vragenlijst {LifecycleSetup.QuestionnaireKey} is opgeslagen.");
        await Screenshots.TakeAsync(admin, TestContext, "lifecycle-questionnaire-uploaded.nl");
    }

    /// <summary>A round of the uploaded questionnaire for all universities, with its period in Dutch time and a reporting date.</summary>
    private async Task<string> CreateRoundAsync(IPage admin)
    {
        const string roundId = "proef-2025";
        await admin.GotoAsync("/bureau/rondes");
        await PageActions.ClickToNextPageAsync(admin.GetByRole(AriaRole.Link, new() { Name = "Nieuwe ronde aanmaken" }));
        await admin.GetByLabel("Titel", new() { Exact = true }).FillAsync(LifecycleSetup.RoundTitle);
        await admin.GetByLabel("Kenmerk", new() { Exact = true }).FillAsync(roundId);
        await admin.GetByLabel("Vragenlijst", new() { Exact = true }).SelectOptionAsync($"{LifecycleSetup.QuestionnaireKey}@1");
        var today = DateTime.UtcNow.Date;
        await admin.GetByLabel("Opent op", new() { Exact = true }).FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd'T'09:00", System.Globalization.CultureInfo.InvariantCulture));
        await admin.GetByLabel("Sluit op (deadline)", new() { Exact = true }).FillAsync(today.AddDays(30).ToString("yyyy-MM-dd'T'17:00", System.Globalization.CultureInfo.InvariantCulture));
        await admin.GetByLabel("Peildatum", new() { Exact = true }).FillAsync("2025-10-01");
        await admin.GetByLabel("Alle universiteiten").CheckAsync();
        await Screenshots.TakeAsync(admin, TestContext, "lifecycle-new-round.nl");
        await PageActions.ClickToNextPageAsync(admin.GetByRole(AriaRole.Button, new() { Name = "Ronde aanmaken" }));
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("14 instelling(en) doen mee");
        return roundId;
    }

    private static async Task OpenRoundAsync(IPage admin, string roundId)
    {
        await admin.GotoAsync($"/bureau/rondes/{roundId}");
        await PageActions.ClickToNextPageAsync(admin.GetByRole(AriaRole.Button, new() { Name = "Ronde openen" }));
        await PageActions.ClickToNextPageAsync(admin.GetByRole(AriaRole.Button, new() { Name = "Ja, ronde openen" }));
    }

    private async Task ImportContactsAsync(IPage admin)
    {
        await PageActions.ClickToNextPageAsync(admin.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Instellingen" }));
        await admin.GotoAsync("/bureau/instellingen/importeren");
        await admin.GetByLabel("Contactpersonen").CheckAsync();
        await admin.GetByLabel("CSV-bestand").SetInputFilesAsync(new FilePayload
        {
            Name = "contactpersonen.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(LifecycleSetup.ContactsCsv(Institution, ContactEmail)),
        });
        await PageActions.ClickToNextPageAsync(admin.GetByRole(AriaRole.Button, new() { Name = "Bestand controleren" }));
        await Assertions.Expect(admin.Locator("#totalen")).ToContainTextAsync("14 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 met een fout.");
        await Assertions.Expect(admin.Locator("main table")).ToContainTextAsync($"Jamila el Amrani <{ContactEmail}>, {Institution}");
        await Screenshots.TakeAsync(admin, TestContext, "lifecycle-import-dry-run.nl");
        await PageActions.ClickToNextPageAsync(admin.GetByRole(AriaRole.Button, new() { Name = "Importeren", Exact = true }));
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Import voltooid: 14 nieuw");
    }

    private static async Task SendInvitationsAsync(IPage admin, string roundId)
    {
        await admin.GotoAsync($"/bureau/rondes/{roundId}");
        await PageActions.ClickToNextPageAsync(admin.GetByRole(AriaRole.Button, new() { Name = "Uitnodigingen versturen" }));
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("14");
        // The postman: the outbox job runs every minute on its own; the test runs it now instead of waiting.
        await app.Services.GetRequiredService<MailOutboxJob>().SendPendingAsync();
    }

    private static async Task<string> FollowInvitationAsync(IPage respondent)
    {
        var mail = MailFolder.To(app, ContactEmail).Single();
        await respondent.GotoAsync(MailFolder.LinkPath(mail, "/uitnodiging/"));
        await PageActions.ClickToNextPageAsync(respondent.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }));
        await respondent.GotoAsync("/deelnames");
        await PageActions.ClickToNextPageAsync(respondent.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(LifecycleSetup.RoundTitle) }).First);
        var match = Regex.Match(respondent.Url, "/deelnames/([^/?#]+)");
        Assert.IsTrue(match.Success, respondent.Url);
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }

    private static Task AnswerMaturityAsync(IPage respondent, string label, string value) =>
        AutosavedAsync(respondent, "beleid.volwassenheid", value, () => Question(respondent, "beleid.volwassenheid").GetByLabel(label).CheckAsync());

    private static async Task SubmitAsync(IPage respondent)
    {
        await PageActions.ClickToNextPageAsync(respondent.GetByRole(AriaRole.Link, new() { Name = "Naar het overzicht" }));
        await PageActions.ClickToNextPageAsync(respondent.GetByRole(AriaRole.Button, new() { Name = "Indienen", Exact = true }));
        await PageActions.ClickToNextPageAsync(respondent.GetByRole(AriaRole.Button, new() { Name = "Ja, vragenlijst indienen" }));
        await Assertions.Expect(respondent.Locator("main")).ToContainTextAsync("ingediend");
    }

    private static async Task CloseAsync(IPage admin, string roundId)
    {
        await admin.GotoAsync($"/bureau/rondes/{roundId}");
        await PageActions.ClickToNextPageAsync(admin.GetByRole(AriaRole.Button, new() { Name = "Ronde sluiten" }));
        await PageActions.ClickToNextPageAsync(admin.GetByRole(AriaRole.Button, new() { Name = "Ja, ronde sluiten" }));
    }

    private async Task PublishAsync(IPage admin, string roundId)
    {
        // The sector view is recomputed in the background after the last accept; the page offers to publish once it is current.
        var publish = admin.GetByRole(AriaRole.Button, new() { Name = "Ja, ronde publiceren" });
        await Eventually.UntilAsync(async () =>
        {
            // Two analysts' approved findings, for the sector view as it now is (the pages for them have their own tests).
            await ApprovedSectorFindings.EnsureAsync(app.Services.GetRequiredService<Audit.Core.SectorViews.ISectorViewRepository>(),
                app.Services.GetRequiredService<Audit.Core.SectorFindings.ISectorFindingsRepository>(), roundId);
            await admin.GotoAsync($"/bureau/rondes/{roundId}/publiceren");
            return await publish.CountAsync() == 1;
        }, "the publication page offers to publish");
        await Assertions.Expect(admin.Locator("#sector-universiteit")).ToContainTextAsync("14");
        await Screenshots.TakeAsync(admin, TestContext, "lifecycle-publication-preview.nl");
        await PageActions.ClickToNextPageAsync(publish);
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("gepubliceerd");
    }
}
