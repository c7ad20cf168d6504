using System.Net;
using System.Net.Http.Json;
using System.Text;
using Audit.Api.Tests.Collection;
using Audit.Application.Questionnaires;
using Audit.Core.Access;

namespace Audit.Api.Tests.Pages;

/// <summary>Questionnaire texts on English respondent pages: the shipped English, and Dutch marked as Dutch where English is missing.</summary>
[TestClass]
public sealed class TranslatedQuestionnairePagesTests
{
    private const string DutchQuestion = "Heeft de instelling een instellingsbrede risicoanalyse van haar internationale samenwerkingen uitgevoerd?";
    private const string EnglishQuestion = "Has the institution carried out an institution-wide risk assessment of its international collaborations?";

    [TestMethod]
    public async Task The_english_theme_page_shows_the_english_texts_of_the_shipped_questionnaire()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();

        var english = await browser.GetAsync(new Uri(world.ThemePath + "?lang=en", UriKind.Relative));
        var html = await english.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, english.StatusCode, html);
        Assert.Contains($"<span>{EnglishQuestion}</span>", html);
        Assert.Contains("<span>Risk assessment of international collaboration</span></h1>", html);
        Assert.Contains("<span>1. Governance and organisation</span>", html, "the theme navigation");
        Assert.Contains("<span>Sensitivity of the research area</span>", html, "an option label");
        Assert.Contains(">Russia</th>", html, "a grid row");
        Assert.Contains(">Declined</th>", html, "a grid column");
        Assert.Contains("<span>3 – Defined</span>", html, "a maturity level");
        Assert.Contains("Enter the number of collaborations for each group of countries.", html, "a hint");
        Assert.DoesNotContain(DutchQuestion, html);
        // A question's reference cites a Dutch document, so it is marked Dutch on purpose.
        var withoutReferences = html.Replace("<span lang=\"nl\">Kamerbrief kennisveiligheid", "", StringComparison.Ordinal);
        Assert.DoesNotContain("lang=\"nl\">", withoutReferences.Replace("hreflang=\"nl\" lang=\"nl\">", "", StringComparison.Ordinal),
            "nothing falls back: only the language switch and the references are marked Dutch");

        var dutch = await browser.GetStringAsync(new Uri(world.ThemePath + "?lang=nl", UriKind.Relative));
        Assert.Contains($"<span>{DutchQuestion}</span>", dutch);
        Assert.DoesNotContain(EnglishQuestion, dutch);
    }

    [TestMethod]
    public async Task A_text_without_english_is_shown_in_dutch_marked_lang_nl()
    {
        await using var world = await RespondentWorld.CreateAsync();
        var shipped = await File.ReadAllTextAsync(Path.Combine(QuestionnaireCatalog.ShippedFolder, "kennisveiligheid-2023.yaml"));
        var partly = shipped.Replace("version: \"2023\"", "version: \"2099\"", StringComparison.Ordinal)
            .Replace($"          en: \"{EnglishQuestion}\"\n", "", StringComparison.Ordinal)
            .Replace("{key: ru, label: {nl: \"Rusland\", en: \"Russia\"}}", "{key: ru, label: \"Rusland\"}", StringComparison.Ordinal);
        Assert.DoesNotContain(EnglishQuestion, partly, "the test removed the English it means to");
        Assert.DoesNotContain("{key: ru, label: {nl: \"Rusland\", en: \"Russia\"}}", partly, "no grid row keeps its English Russia");
        var uploaded = await world.Admin.PostAsync("/api/v1/questionnaires", new StringContent(partly, Encoding.UTF8, "application/yaml"));
        Assert.AreEqual(HttpStatusCode.Created, uploaded.StatusCode, await uploaded.Content.ReadAsStringAsync());
        var (own, _) = await CollectionFixture.OpenRoundAsync(world.Admin, "2099-pages", "2099");
        using var browser = await world.BrowserAsync();

        var html = await browser.GetStringAsync(new Uri($"/deelnames/{own}/thema/{RespondentWorld.Theme}?lang=en", UriKind.Relative));
        var summary = await browser.GetStringAsync(new Uri($"/deelnames/{own}/overzicht?lang=en", UriKind.Relative));

        Assert.Contains($"<span lang=\"nl\">{DutchQuestion}</span>", html);
        Assert.Contains("lang=\"nl\">Rusland</th>", html);
        Assert.Contains("<span>How are the risks of international collaborations assessed?</span>", html, "its neighbours keep their English");
        Assert.Contains($"<span lang=\"nl\">{DutchQuestion}</span>", summary, "the overview lists the missing question as it is shown");
        using var analyst = await world.BrowserAsync(role: Role.Analyst);
        var file = await analyst.GetStringAsync(new Uri($"/bureau/deelnames/{own}?lang=en", UriKind.Relative));
        Assert.Contains($"<span lang=\"nl\">{DutchQuestion}</span>", file, "the bureau's participation page");
        Assert.Contains("<span>How are the risks of international collaborations assessed?</span>", file);
    }

    [TestMethod]
    public async Task The_bureau_preview_shows_a_version_in_the_page_language()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var analyst = await world.BrowserAsync(role: Role.Analyst);

        var english = await analyst.GetStringAsync(new Uri("/bureau/vragenlijsten/kennisveiligheid/2025?lang=en", UriKind.Relative));
        var dutch = await analyst.GetStringAsync(new Uri("/bureau/vragenlijsten/kennisveiligheid/2025?lang=nl", UriKind.Relative));

        Assert.Contains($"<span>{EnglishQuestion}</span>", english);
        Assert.Contains("<span>External knowledge security audit 2025</span></h1>", english);
        Assert.Contains("<span>3 – Defined</span>", english);
        Assert.Contains($"<span>{DutchQuestion}</span>", dutch);
    }

    [TestMethod]
    public async Task The_english_start_page_and_recap_show_the_english_texts_and_answer_labels()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();
        var answers = new object[] { new { questionKey = "governance.rapportage_rvt", value = "annual" } };
        var saved = await browser.PatchAsJsonAsync($"/api/v1/participations/{world.OwnId}/answers", new { answers });
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());

        var start = await browser.GetStringAsync(new Uri($"/deelnames/{world.OwnId}?lang=en", UriKind.Relative));
        var recap = await browser.GetStringAsync(new Uri($"/deelnames/{world.OwnId}/overzicht?lang=en", UriKind.Relative));
        var dutchRecap = await browser.GetStringAsync(new Uri($"/deelnames/{world.OwnId}/overzicht?lang=nl", UriKind.Relative));

        Assert.Contains("<span>Governance and organisation</span>", start, "a theme of the start page");
        Assert.Contains("<span>1. Governance and organisation</span>", recap, "a theme heading of the recap");
        Assert.Contains($"<span>{EnglishQuestion}</span>", recap, "a missing question");
        Assert.Contains("At least once a year, as a standing agenda item or in the annual report", recap, "an answer's option label");
        Assert.DoesNotContain(DutchQuestion, recap);
        Assert.DoesNotContain("lang=\"nl\">", recap.Replace("hreflang=\"nl\" lang=\"nl\">", "", StringComparison.Ordinal), "nothing falls back");
        Assert.Contains("Ten minste jaarlijks, als vast agendapunt of in het jaarverslag", dutchRecap);
    }
}
