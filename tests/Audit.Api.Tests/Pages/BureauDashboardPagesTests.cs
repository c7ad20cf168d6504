using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Reports;
using Audit.Core.Access;
using Audit.Core.Rounds;
using static Audit.Api.Tests.Collection.CollectionFixture;

namespace Audit.Api.Tests.Pages;

/// <summary>
/// The bureau's lists and dashboards (issue 18): newest rounds first, the respondent's own progress figure on the
/// dashboard, a badge for every status, technical details behind a disclosure and every table in a scroll region.
/// </summary>
[TestClass]
public sealed partial class BureauDashboardPagesTests
{
    [GeneratedRegex("""<details class="audit-technical">.*?</details>""", RegexOptions.Singleline)]
    private static partial Regex TechnicalDetails();

    [GeneratedRegex("""(\d+) van (\d+) verplichte vragen beantwoord""")]
    private static partial Regex RespondentProgress();

    [GeneratedRegex("""<table\b""")]
    private static partial Regex TableStart();

    [GeneratedRegex("""<div class="[^"]*\baudit-scroll\b[^"]*" role="region" aria-label="[^"]+" tabindex="0">\s*<table\b""")]
    private static partial Regex TableInRegion();

    [TestMethod]
    public async Task The_rounds_list_and_the_api_show_the_latest_opening_first_then_the_round_created_last()
    {
        await using var app = new AuditApp();
        var admin = await app.ClientForAsync(Role.Admin);
        using var analyst = await BrowserAsync(app, Role.Analyst);
        var now = DateTimeOffset.UtcNow;
        // Created in an order that is not the expected one: the oldest opening last, a tie on the opening date.
        await CreateRoundAsync(admin, "r-2025", now.AddDays(-10));
        await CreateRoundAsync(admin, "r-2025-bis", now.AddDays(-10));
        await CreateRoundAsync(admin, "r-2023", now.AddYears(-2));
        await CreateRoundAsync(admin, "r-2024", now.AddYears(-1));

        var html = await analyst.GetStringAsync(new Uri("/bureau/rondes", UriKind.Relative));
        var api = await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds");

        string[] expected = ["r-2025-bis", "r-2025", "r-2024", "r-2023"];
        var onPage = expected.OrderBy(id => html.IndexOf($"href=\"/bureau/rondes/{id}\"", StringComparison.Ordinal)).ToArray();
        Assert.AreSequenceEqual(expected, onPage, "newest opening first; of two opening together, the one created last");
        Assert.IsTrue(expected.All(id => html.Contains($"href=\"/bureau/rondes/{id}\"", StringComparison.Ordinal)));
        Assert.AreSequenceEqual(expected, api.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToArray(),
            "the API lists in the same order");
    }

    [TestMethod]
    public async Task The_dashboard_counts_required_answered_as_the_respondent_sees_them()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);
        var questionnaire = await QuestionnaireAsync(app, "2023");
        var other = await app.ClientForAsync(Role.Respondent, Other);
        // vu answers the first five questions of the full answer set: some required, some optional.
        var batch = JsonSerializer.SerializeToElement(FullAnswerBatch(questionnaire)).GetProperty("answers").EnumerateArray().Take(5).ToList();
        var saved = await other.PatchAsJsonAsync(AnswersUrl(world.OtherId), new { answers = batch });
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        using var ownBrowser = await BrowserAsync(app, Role.Respondent, Own);
        using var otherBrowser = await BrowserAsync(app, Role.Respondent, Other);

        var ownSees = RespondentProgress().Match(await ownBrowser.GetStringAsync(new Uri($"/deelnames/{world.OwnId}/overzicht", UriKind.Relative)));
        var otherSees = RespondentProgress().Match(await otherBrowser.GetStringAsync(new Uri($"/deelnames/{world.OtherId}/overzicht", UriKind.Relative)));
        var dashboard = await world.Analyst.GetStringAsync(new Uri($"/bureau/rondes/{world.RoundId}", UriKind.Relative));
        var ownFile = await world.Analyst.GetStringAsync(new Uri($"/bureau/deelnames/{world.OwnId}", UriKind.Relative));
        var progress = await (await app.ClientForAsync(Role.Analyst)).GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{world.RoundId}/progress");

        Assert.IsTrue(ownSees.Success && otherSees.Success, "both respondents see their progress figure");
        Assert.AreEqual(ownSees.Groups[2].Value, ownSees.Groups[1].Value, "uva answered every required question");
        Assert.AreNotEqual(otherSees.Groups[2].Value, otherSees.Groups[1].Value, "vu is part-way");
        Assert.AreNotEqual("0", otherSees.Groups[1].Value, "vu answered some required questions");
        Assert.Contains($">{ownSees.Groups[1].Value} van {ownSees.Groups[2].Value}<", RowOf(dashboard, "Universiteit van Amsterdam"));
        Assert.Contains($">{otherSees.Groups[1].Value} van {otherSees.Groups[2].Value}<", RowOf(dashboard, "Vrije Universiteit Amsterdam"));
        Assert.Contains(">Verplichte vragen beantwoord</th>", dashboard);
        Assert.DoesNotContain("vragen beantwoord, ", dashboard, "the old figure that counted optional answers is gone");
        Assert.Contains(ownSees.Value, ownFile, "the participation page uses the same figure and words");
        var rows = progress.GetProperty("participations").EnumerateArray().ToDictionary(p => p.GetProperty("institutionId").GetString()!);
        Assert.AreEqual(int.Parse(otherSees.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), rows[Other].GetProperty("requiredAnswered").GetInt32());
        Assert.AreEqual(int.Parse(otherSees.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), rows[Other].GetProperty("required").GetInt32());
    }

    [TestMethod]
    public async Task Every_participation_and_round_status_has_the_same_badge_with_its_text()
    {
        await using var world = await ReportWorld.CreateSmallAsync("badge-published");
        await world.PublishAsync();
        var analystApi = world.Analyst;
        await CreateRoundAsync(world.Admin, "badge-draft", DateTimeOffset.UtcNow.AddDays(1));
        var (ownOpen, otherOpen) = await OpenRoundAsync(world.Admin, "badge-open");
        var (ownClosed, _) = await OpenRoundAsync(world.Admin, "badge-closed");
        var questionnaire = await QuestionnaireAsync(world.App, "2023");
        await FillAndSubmitAsync(world.OwnRespondent, ownClosed, questionnaire);
        await ChangeRoundAsync(world.Admin, "badge-closed", "closed");
        await FillAndSubmitAsync(world.OwnRespondent, ownOpen, questionnaire);
        Assert.AreEqual(HttpStatusCode.OK, (await ReviewAsync(analystApi, ownOpen, "return")).StatusCode);
        var answer = JsonSerializer.SerializeToElement(FullAnswerBatch(questionnaire)).GetProperty("answers").EnumerateArray().Take(1).ToList();
        Assert.AreEqual(HttpStatusCode.OK, (await world.OtherRespondent.PatchAsJsonAsync(AnswersUrl(otherOpen), new { answers = answer })).StatusCode);
        using var analyst = await BrowserAsync(world.App, Role.Analyst);

        var rounds = await analyst.GetStringAsync(new Uri("/bureau/rondes", UriKind.Relative));
        var dashboards = string.Concat(await Task.WhenAll(new[] { "badge-published", "badge-open", "badge-closed" }
            .Select(id => analyst.GetStringAsync(new Uri($"/bureau/rondes/{id}", UriKind.Relative)))));

        foreach (var (status, text) in new[] { ("draft", "Concept"), ("open", "Open"), ("closed", "Gesloten"), ("published", "Gepubliceerd") })
        {
            Assert.Contains($"<span class=\"audit-badge audit-badge--{status}\" data-status=\"round-{status}\">{text}</span>", rounds);
        }
        foreach (var (status, text) in new[]
                 {
                     ("invited", "Uitgenodigd"), ("in_progress", "Bezig"), ("submitted", "Ingediend"), ("returned", "Teruggestuurd"),
                     ("accepted", "Geaccepteerd"),
                 })
        {
            Assert.Contains($"<span class=\"audit-badge audit-badge--{status}\" data-status=\"participation-{status}\">{text}</span>", dashboards);
        }
        Assert.HasCount(5, Enum.GetValues<ParticipationStatus>(), "a new status needs a badge colour and a row above");
        Assert.DoesNotContain("class=\"audit-status ", dashboards + rounds, "one badge partial, not the old span");
    }

    [TestMethod]
    public async Task Fingerprints_and_json_links_sit_inside_the_technical_details_disclosure()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);

        var dashboard = await world.Analyst.GetStringAsync(new Uri($"/bureau/rondes/{world.RoundId}", UriKind.Relative));
        var file = await world.Analyst.GetStringAsync(new Uri($"/bureau/deelnames/{world.OwnId}", UriKind.Relative));

        var reportsLink = $"href=\"/api/v1/rounds/{world.RoundId}/reports\"";
        Assert.Contains(reportsLink, TechnicalDetails().Match(dashboard).Value, "the raw JSON link is in the disclosure");
        Assert.DoesNotContain(reportsLink, TechnicalDetails().Replace(dashboard, ""), "and nowhere else");
        Assert.Contains("<summary>Technische gegevens</summary>", dashboard);
        var details = TechnicalDetails().Match(file).Value;
        Assert.Contains("Vingerafdruk van de ingediende antwoorden:", details);
        Assert.IsTrue(Regex.IsMatch(details, "<code class=\"audit-hash\">[0-9a-f]{64}</code>"), "the SHA-256 fingerprint is in the disclosure");
        Assert.DoesNotContain("Vingerafdruk", TechnicalDetails().Replace(file, ""), "and nowhere else");
    }

    [TestMethod]
    public async Task Every_table_on_the_bureau_lists_scrolls_in_its_own_labelled_region_and_wide_pages_say_so()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);
        using var admin = await BrowserAsync(app, Role.Admin);

        string[] paths =
        [
            "/bureau/rondes", $"/bureau/rondes/{world.RoundId}", $"/bureau/rondes/{world.RoundId}/instellingen",
            $"/bureau/rondes/{world.RoundId}/publiceren", "/bureau/instellingen", "/bureau/instellingen/uva", "/bureau/auditlog",
            "/bureau/gebruikers", "/bureau/vragenlijsten",
        ];
        var seen = 0;
        foreach (var path in paths)
        {
            var html = await admin.GetStringAsync(new Uri(path, UriKind.Relative));
            var tables = TableStart().Matches(html).Count;
            seen += tables;
            Assert.HasCount(tables, TableInRegion().Matches(html), $"every table of {path} sits in a scroll region");
        }
        Assert.IsGreaterThan(5, seen, "the pages have tables to check");
        var dashboard = await admin.GetStringAsync(new Uri($"/bureau/rondes/{world.RoundId}", UriKind.Relative));
        var file = await admin.GetStringAsync(new Uri($"/bureau/deelnames/{world.OwnId}", UriKind.Relative));
        Assert.Contains("audit-theme audit-theme--wide\"", dashboard, "the dashboard uses the full width");
        Assert.DoesNotContain("audit-theme--wide", file, "a page of reading text keeps the reading width");
    }

    private static async Task CreateRoundAsync(HttpClient admin, string id, DateTimeOffset opensAt)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            id,
            title = $"Round {id}",
            questionnaire = new { key = "kennisveiligheid", version = "2023" },
            opensAt,
            closesAt = opensAt.AddDays(30),
        });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
    }

    private static async Task<HttpClient> BrowserAsync(AuditApp app, Role role, string? institutionId = null)
    {
        var browser = Browser.For(app);
        browser.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, $"Test {role}", role, institutionId));
        return browser;
    }

    /// <summary>The dashboard row of one institution, from its name to the end of the row.</summary>
    private static string RowOf(string html, string institution)
    {
        var start = html.IndexOf($">{institution}</a></th>", StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, start, $"{institution} has a row");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
