using System.Text.RegularExpressions;
using Audit.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Audit.Web.Tests.EveryPage;

/// <summary>
/// Every page of every role, keyed by the README's page table. <see cref="PageCatalogTests"/> fails when the README
/// gains a row this catalog does not visit, so a new page cannot skip the phone/desktop/axe check.
/// Placeholders: <c>{own}</c> uva's submitted participation, <c>{editable}</c> its participation still being
/// filled in, <c>{accepted}</c> its accepted one in the published round; <c>{open}</c>, <c>{draft}</c>,
/// <c>{published}</c> the rounds of <see cref="EveryPageWorld"/>.
/// </summary>
public static class PageCatalog
{
    public static IReadOnlyList<PageVisit> Visits { get; } =
    [
        new("`/`", Visitor.Anonymous, "start", "/"),
        new("`/`", Visitor.Respondent, "start-respondent", "/"),
        new("`/aanmelden`", Visitor.Anonymous, "sign-in", "/aanmelden"),
        new("`/uitnodiging/{token}`", Visitor.Anonymous, "invitation", "/uitnodiging/onbekende-link"),
        new("`/uitnodiging/{token}`", Visitor.Anonymous, "invitation-unknown", "/uitnodiging/onbekende-link",
            page => PageActions.ClickToNextPageAsync(page.Locator("main form button[type=submit]"))),
        new("`/mijn-gegevens`", Visitor.Respondent, "account", "/mijn-gegevens"),
        new("`/toegankelijkheid`", Visitor.Anonymous, "accessibility", "/toegankelijkheid"),
        new("`/deelnames`", Visitor.Respondent, "participations", "/deelnames"),
        new("`/deelnames/{id}`, `POST /deelnames/{id}/overnemen`", Visitor.Respondent, "participation-start-editable", "/deelnames/{editable}"),
        new("`/deelnames/{id}`, `POST /deelnames/{id}/overnemen`", Visitor.Respondent, "participation-start-submitted", "/deelnames/{own}"),
        new("`/deelnames/{id}`, `POST /deelnames/{id}/overnemen`", Visitor.Respondent, "participation-start-published", "/deelnames/{accepted}"),
        new("`/deelnames/{id}/opvolging`", Visitor.Respondent, "follow-ups-editable", "/deelnames/{editable}/opvolging"),
        new("`/deelnames/{id}/thema/{theme}`", Visitor.Respondent, "theme-editable", "/deelnames/{editable}/thema/governance"),
        new("`/deelnames/{id}/thema/{theme}`", Visitor.Respondent, "theme-submitted", "/deelnames/{own}/thema/risicoanalyse"),
        new("`/deelnames/{id}/overzicht`, `/indienen`", Visitor.Respondent, "summary-incomplete", "/deelnames/{editable}/overzicht"),
        new("`/deelnames/{id}/overzicht`, `/indienen`", Visitor.Respondent, "summary-submitted", "/deelnames/{own}/overzicht"),
        new("`/deelnames/{id}/overzicht`, `/indienen`", Visitor.Respondent, "submit-incomplete", "/deelnames/{editable}/indienen"),
        new("`/deelnames/{id}/rapport`, `/rapport.pdf`", Visitor.Respondent, "feedback-report", "/deelnames/{accepted}/rapport", Frames: true),
        new("`/bureau/rondes`", Visitor.Analyst, "bureau-rounds", "/bureau/rondes"),
        new("`/bureau/rondes/{roundId}`", Visitor.Analyst, "bureau-dashboard", "/bureau/rondes/{open}"),
        new("`/bureau/rondes/{roundId}`", Visitor.Analyst, "bureau-dashboard-published", "/bureau/rondes/{published}"),
        new("`/bureau/rondes/{roundId}/openen`, `/sluiten`", Visitor.Analyst, "bureau-round-open", "/bureau/rondes/{draft}/openen"),
        new("`/bureau/rondes/{roundId}/openen`, `/sluiten`", Visitor.Admin, "bureau-round-close", "/bureau/rondes/{open}/sluiten"),
        new("`/bureau/rondes/{roundId}/publiceren`", Visitor.Analyst, "bureau-publication", "/bureau/rondes/{published}/publiceren"),
        new("`/bureau/rondes/{roundId}/publiceren/{type}`", Visitor.Analyst, "bureau-publication-sector", "/bureau/rondes/{published}/publiceren/universiteit"),
        new("`/bureau/rondes/nieuw`", Visitor.Admin, "bureau-round-new", "/bureau/rondes/nieuw"),
        new("`/bureau/rondes/{roundId}/wijzigen`", Visitor.Admin, "bureau-round-edit", "/bureau/rondes/{open}/wijzigen"),
        new("`/bureau/rondes/{roundId}/instellingen`", Visitor.Analyst, "bureau-round-institutions", "/bureau/rondes/{open}/instellingen"),
        new("`/bureau/rondes/{roundId}/sectoren[/{type}]`", Visitor.Analyst, "bureau-sectors", "/bureau/rondes/{published}/sectoren"),
        new("`/bureau/rondes/{roundId}/sectoren[/{type}]`", Visitor.Analyst, "bureau-sector-internal", "/bureau/rondes/{published}/sectoren/universiteit"),
        new("`/bureau/rondes/{roundId}/sectoren[/{type}]`", Visitor.Analyst, "bureau-sector-published", "/bureau/rondes/{published}/sectoren/universiteit?weergave=gepubliceerd"),
        new("`/bureau/rondes/{roundId}/verdieping/{type}`", Visitor.Analyst, "bureau-deep-dive", "/bureau/rondes/{published}/verdieping/universiteit?omvang=2&seed=1"),
        // Selects uva (the form comes back ticked from the suggestion or the saved selection), then opens its records.
        new("`/bureau/rondes/{roundId}/verdieping/{type}/{institutionId}`", Visitor.Analyst, "bureau-deep-dive-institution", "/bureau/rondes/{published}/verdieping/universiteit",
            async page =>
            {
                await page.Locator("#instelling-uva").CheckAsync();
                await page.Locator("#motivering").FillAsync("Spreiding over de kwartielen, seed 1.");
                await PageActions.ClickToNextPageAsync(page.Locator("main form[method=post] button[type=submit]"));
                await PageActions.ClickToNextPageAsync(page.Locator("main a[href$='/verdieping/universiteit/uva']"));
            }),
        new("`/bureau/rondes/{roundId}/sectoren/{type}/bevindingen`", Visitor.Analyst, "bureau-sector-findings", "/bureau/rondes/{open}/sectoren/universiteit/bevindingen"),
        new("`/bureau/rondes/{roundId}/sectoren/{type}/bevindingen`", Visitor.Analyst, "bureau-sector-findings-published", "/bureau/rondes/{published}/sectoren/universiteit/bevindingen"),
        new("`/bureau/cycli`", Visitor.Analyst, "bureau-cycles", "/bureau/cycli"),
        new("`/bureau/cycli/{cycle}`", Visitor.Analyst, "bureau-cycle", "/bureau/cycli/" + BureauWorld.Cycle),
        // Saves a summary first (the form carries the version it shows, so a second visit saves a next version), then opens its approval.
        new("`/bureau/cycli/{cycle}/goedkeuring`", Visitor.Analyst, "bureau-cycle-approval", "/bureau/cycli/" + BureauWorld.Cycle,
            async page =>
            {
                await page.Locator("#samenvatting").FillAsync("De sector heeft de **basis** op orde.\n\n- Borging blijft achter.");
                await PageActions.ClickToNextPageAsync(page.Locator("main form[method=post] button[type=submit]"));
                await PageActions.NavigateByAsync(page, () => page.GotoAsync("/bureau/cycli/" + BureauWorld.Cycle + "/goedkeuring"));
            }),
        new("`/bureau/instellingen`", Visitor.Analyst, "bureau-registry", "/bureau/instellingen"),
        new("`/bureau/instellingen/{id}`", Visitor.Admin, "bureau-institution", "/bureau/instellingen/uva"),
        new("`/bureau/instellingen/nieuw`", Visitor.Admin, "bureau-institution-new", "/bureau/instellingen/nieuw"),
        new("`/bureau/instellingen/importeren`", Visitor.Analyst, "bureau-import", "/bureau/instellingen/importeren"),
        new("`/bureau/deelnames/{id}`", Visitor.Analyst, "bureau-participation", "/bureau/deelnames/{own}"),
        new("`/bureau/deelnames/{id}/beoordeling`", Visitor.Analyst, "bureau-review", "/bureau/deelnames/{own}/beoordeling"),
        new("`/bureau/deelnames/{id}/beoordeling` (POST, `besluit=accept` without `bevestiging`)", Visitor.Analyst, "bureau-review-confirm",
            "/bureau/deelnames/{own}/beoordeling", page => PageActions.ClickToNextPageAsync(page.Locator("#besluit-accepteren"))),
        new("`/bureau/deelnames/{id}/bevindingen`", Visitor.Analyst, "bureau-findings", "/bureau/deelnames/{own}/bevindingen"),
        new("`/bureau/deelnames/{id}/scores`", Visitor.Analyst, "bureau-validated-scores", "/bureau/deelnames/{own}/scores"),
        new("`/bureau/vragenlijsten`", Visitor.Analyst, "bureau-questionnaires", "/bureau/vragenlijsten"),
        new("`/bureau/vragenlijsten/{key}/{version}`", Visitor.Analyst, "bureau-questionnaire", "/bureau/vragenlijsten/kennisveiligheid/2025"),
        new("`/bureau/vragenlijsten/{key}/{version}/vergelijking?met={older}`", Visitor.Analyst, "bureau-questionnaire-compare",
            "/bureau/vragenlijsten/kennisveiligheid/2025/vergelijking?met=2023"),
        new("`/bureau/gebruikers`", Visitor.Admin, "bureau-users", "/bureau/gebruikers"),
        new("`/bureau/gebruikers/{id}`", Visitor.Admin, "bureau-user", "/bureau/gebruikers",
            page => PageActions.ClickToNextPageAsync(page.Locator("main a[href^='/bureau/gebruikers/']").First)),
        new("`/bureau/auditlog`", Visitor.Admin, "bureau-audit-log", "/bureau/auditlog"),
        new("`/ministerie/rondes`", Visitor.Ministry, "ministry-rounds", "/ministerie/rondes"),
        new("`/ministerie/rondes/{roundId}/sectoren/{type}`", Visitor.Ministry, "ministry-sector", "/ministerie/rondes/{published}/sectoren/universiteit"),
        // Not in the page table, but a page every role meets.
        new("problem page", Visitor.Analyst, "problem-not-found", "/bureau/deelnames/bestaat-niet", Status: 404),
    ];

    /// <summary>Rows of the README table that are not pages to look at.</summary>
    public static IReadOnlyList<NotAPage> NotPages { get; } =
    [
        new("`/aanmelden/organisatie`", "a redirect to the identity provider (404 without OIDC); covered by OrganisationSignInTests"),
    ];

    /// <summary>The first column of every row of the README's page table.</summary>
    public static IReadOnlyList<string> ReadmeRows(string readme)
    {
        var lines = readme.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "| page | who | what |");
        Assert.IsGreaterThanOrEqualTo(0, start, "the README's page table (| page | who | what |)");
        return [.. lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).Select(l => FirstCell.Match(l).Groups[1].Value.Trim())];
    }

    private static readonly Regex FirstCell = new(@"^\|((?:[^|`]|`[^`]*`)*)\|");
}
