using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Collection;
using static Audit.Api.Tests.Collection.CollectionFixture;

namespace Audit.Api.Tests.Pages;

/// <summary>
/// Issue 20's small features on the respondent's pages and in the API: the time per theme on the start page, the
/// round's reference date filled into <c>{peildatum}</c> on the form and the recap, and a question's reference as a hint.
/// </summary>
[TestClass]
public sealed class QuestionnaireContentPagesTests
{
    /// <summary>An open round of the shipped 2023 questionnaire with a reference date, and the own institution's participation.</summary>
    private static async Task<string> OpenRoundWithReferenceDateAsync(HttpClient admin, string roundId, string referenceDate)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            id = roundId,
            title = $"Round {roundId}",
            questionnaire = new { key = "kennisveiligheid", version = "2023" },
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(10),
            referenceDate,
        });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        await ChangeRoundAsync(admin, roundId, "open");
        var invited = await admin.PostAsJsonAsync($"/api/v1/rounds/{roundId}/participations", new { institutionIds = new[] { Own } });
        Assert.AreEqual(HttpStatusCode.OK, invited.StatusCode, await invited.Content.ReadAsStringAsync());
        return (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    [TestMethod]
    public async Task The_start_page_shows_the_minutes_per_theme_and_in_total()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();

        var page = await browser.GetStringAsync(new Uri($"/deelnames/{world.OwnId}", UriKind.Relative));
        var english = await browser.GetStringAsync(new Uri($"/deelnames/{world.OwnId}?lang=en", UriKind.Relative));

        // The shipped 2023 version states 10, 20, 8, 6, 7, 12, 5, 6 and 9 minutes for its nine themes.
        Assert.Contains("Invullen duurt naar schatting 83 minuten in totaal", page);
        Assert.Contains("verplichte vragen beantwoord · ca. 20 min.", page);
        Assert.AreEqual(9, page.Split(" min.").Length - 1, "one estimate per theme");
        Assert.Contains("Filling in takes an estimated 83 minutes in total", english);
        Assert.Contains("approx. 20 min.", english);
    }

    [TestMethod]
    public async Task Without_a_reference_date_the_form_reads_a_neutral_phrase_and_shows_references_as_hints()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();

        var page = await browser.GetStringAsync(new Uri($"/deelnames/{world.OwnId}/thema/governance", UriKind.Relative));
        var english = await browser.GetStringAsync(new Uri($"/deelnames/{world.OwnId}/thema/governance?lang=en", UriKind.Relative));

        Assert.Contains("Hoeveel fte was op de peildatum beschikbaar voor kennisveiligheid?", page);
        Assert.Contains("How many FTE were available for knowledge security on the reference date?", english);
        Assert.DoesNotContain("{peildatum}", page);
        Assert.Contains("<small>Toetst aan: <span lang=\"nl\">Kamerbrief kennisveiligheid dec. 2022, Nationale Leidraad Kennisveiligheid</span></small>", page);
        Assert.Contains("<small>Tests against: <span lang=\"nl\">", english);
        // The hint that carries the reference is what the control is described by.
        Assert.Contains("id=\"h-governance.coordinator\"", page);
        Assert.Contains("aria-describedby=\"h-governance.coordinator\"", page);
    }

    [TestMethod]
    public async Task The_rounds_reference_date_is_written_out_on_the_form_and_the_recap_in_the_pages_language()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();
        var participation = await OpenRoundWithReferenceDateAsync(world.Admin, "2023-peildatum", "2023-10-01");

        var form = await browser.GetStringAsync(new Uri($"/deelnames/{participation}/thema/governance", UriKind.Relative));
        var english = await browser.GetStringAsync(new Uri($"/deelnames/{participation}/thema/governance?lang=en", UriKind.Relative));
        var recap = await browser.GetStringAsync(new Uri($"/deelnames/{participation}/overzicht?lang=nl", UriKind.Relative));

        Assert.Contains("Hoeveel fte was op 1 oktober 2023 beschikbaar voor kennisveiligheid?", form);
        Assert.Contains("How many FTE were available for knowledge security on 1 October 2023?", english);
        Assert.Contains("Hoeveel fte was op 1 oktober 2023 beschikbaar", recap);
        Assert.DoesNotContain("{peildatum}", recap);
        // The stored definition keeps the placeholder: one version serves rounds with different dates.
        var definition = await world.Admin.GetStringAsync(new Uri("/api/v1/questionnaires/kennisveiligheid/versions/2023", UriKind.Relative));
        Assert.Contains("{peildatum}", definition);
    }

    [TestMethod]
    public async Task The_questionnaire_api_exposes_references_and_minutes()
    {
        await using var world = await RespondentWorld.CreateAsync();

        var response = await world.Admin.GetFromJsonAsync<JsonElement>("/api/v1/questionnaires/kennisveiligheid/versions/2025");

        var themes = response.GetProperty("definition").GetProperty("themes").EnumerateArray().ToList();
        Assert.AreEqual(11, themes.Single(t => t.GetProperty("key").GetString() == "governance").GetProperty("minutes").GetInt32());
        var questions = themes.SelectMany(t => t.GetProperty("questions").EnumerateArray()).ToDictionary(q => q.GetProperty("key").GetString()!);
        Assert.AreEqual("Kamerbrief kennisveiligheid dec. 2022, Risicoanalyse",
            questions["risicoanalyse.uitgevoerd"].GetProperty("reference").GetString());
        Assert.IsFalse(questions["governance.bestuurder"].TryGetProperty("reference", out _), "a question without a reference has no such property");
    }
}
