using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Audit.Core.Access;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>
/// A round for browser tests, set up through the real API over HTTPS as the bureau would: the test questionnaire
/// <see cref="Yaml"/> (one theme with all seven question types and a conditional question, and a short second theme),
/// an open round per test, and the institution invited. Respondents come with an invitation link or a token.
/// </summary>
public sealed class QuestionnaireWorld : IDisposable
{
    public const string Institution = "uva";

    /// <summary>One theme with every question type; <c>alles.toelichting</c> appears when <c>alles.beleid</c> is "no".</summary>
    public const string Yaml = """
        key: webtest
        version: "1"
        title: Testvragenlijst
        language: nl
        themes:
          - key: alles
            title: Alle soorten vragen
            description: Elk soort vraag een keer.
            questions:
              - {key: alles.beleid, type: yes_no, text: Is er vastgesteld beleid?, required: true}
              - {key: alles.toelichting, type: text, text: Waarom is er geen beleid?, required: true, maxLength: 500, visibleWhen: {question: alles.beleid, equals: "no"}}
              - key: alles.volwassenheid
                type: maturity
                text: Hoe volwassen is het beleid?
                required: true
                levels: {0: Niet aanwezig, 1: Ad hoc, 2: Herhaalbaar, 3: Gedefinieerd, 4: Beheerst, 5: Geoptimaliseerd}
              - {key: alles.aantal, type: number, text: Hoeveel medewerkers werken aan kennisveiligheid?, required: true, min: 0, max: 1000, integer: true, unit: medewerkers}
              - key: alles.methode
                type: single_choice
                text: Hoe worden risico's beoordeeld?
                required: true
                options: [{key: geen, label: Niet}, {key: adhoc, label: Per geval}, {key: systematisch, label: Systematisch}]
              - key: alles.criteria
                type: multi_choice
                text: Welke aspecten worden meegewogen?
                required: true
                minSelected: 1
                options: [{key: land, label: Land van de partner}, {key: geld, label: Financiering}, {key: gebied, label: Onderzoeksgebied}]
              - key: alles.uitkomsten
                type: grid
                text: Hoeveel samenwerkingen zijn beoordeeld, per uitkomst?
                rows: [{key: cn, label: China}, {key: other, label: Overige landen}]
                columns: [{key: door, label: Doorgegaan}, {key: gestopt, label: Gestopt}]
              - {key: alles.opmerking, type: text, text: Wilt u nog iets toelichten?, maxLength: 2000}
          - key: slot
            title: Afronding
            questions:
              - {key: slot.akkoord, type: yes_no, text: Is de vragenlijst met het bestuur besproken?, required: true}
        """;

    private readonly HttpClient admin;

    private QuestionnaireWorld(WebApp app, HttpClient admin) => (App, this.admin) = (app, admin);

    public WebApp App { get; }

    public static async Task<QuestionnaireWorld> CreateAsync(WebApp app)
    {
        var world = new QuestionnaireWorld(app, app.ApiClient(await app.UserWithTokenAsync("Beheerder", Role.Admin)));
        using var content = new StringContent(Yaml, Encoding.UTF8, "application/yaml");
        var uploaded = await world.admin.PostAsync(new Uri("/api/v1/questionnaires", UriKind.Relative), content);
        Assert.IsTrue(uploaded.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        return world;
    }

    /// <summary>Creates and opens a round of the test questionnaire and invites <see cref="Institution"/>; returns the participation id.</summary>
    public async Task<string> OpenRoundAsync(string roundId, string title)
    {
        var created = await admin.PostAsJsonAsync(new Uri("/api/v1/rounds", UriKind.Relative), new
        {
            id = roundId,
            title,
            questionnaire = new { key = "webtest", version = "1" },
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(20),
        });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        var opened = await admin.PostAsJsonAsync(new Uri($"/api/v1/rounds/{roundId}/status-changes", UriKind.Relative), new { status = "open" });
        Assert.AreEqual(HttpStatusCode.OK, opened.StatusCode, await opened.Content.ReadAsStringAsync());
        var invited = await admin.PostAsJsonAsync(new Uri($"/api/v1/rounds/{roundId}/participations", UriKind.Relative), new { institutionIds = new[] { Institution } });
        Assert.AreEqual(HttpStatusCode.OK, invited.StatusCode, await invited.Content.ReadAsStringAsync());
        return (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    /// <summary>The stored answers of a participation, by question key, as the bureau reads them.</summary>
    public async Task<Dictionary<string, JsonElement>> AnswersAsync(string participationId)
    {
        var set = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/participations/{participationId}/answers", UriKind.Relative));
        return set.GetProperty("answers").EnumerateArray().ToDictionary(a => a.GetProperty("questionKey").GetString()!, a => a.GetProperty("value").Clone());
    }

    /// <summary>The stored comment of one answer; null when it has none.</summary>
    public async Task<string?> CommentAsync(string participationId, string questionKey)
    {
        var set = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/participations/{participationId}/answers", UriKind.Relative));
        var answer = set.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("questionKey").GetString() == questionKey);
        return answer.TryGetProperty("comment", out var comment) && comment.ValueKind == JsonValueKind.String ? comment.GetString() : null;
    }

    /// <summary>Closes a round: its participations can then only be read.</summary>
    public async Task CloseRoundAsync(string roundId)
    {
        var closed = await admin.PostAsJsonAsync(new Uri($"/api/v1/rounds/{roundId}/status-changes", UriKind.Relative), new { status = "closed" });
        Assert.AreEqual(HttpStatusCode.OK, closed.StatusCode, await closed.Content.ReadAsStringAsync());
    }

    public async Task<string> StatusAsync(string participationId) =>
        (await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/participations/{participationId}", UriKind.Relative))).GetProperty("status").GetString()!;

    /// <summary>Answers every question of the test questionnaire for <paramref name="participationId"/>, as a colleague would through the API.</summary>
    public async Task AnswerAllAsync(string participationId)
    {
        using var respondent = App.ApiClient(await App.UserWithTokenAsync("Fatima de Vries", Role.Respondent, Institution));
        var saved = await respondent.PatchAsJsonAsync(new Uri($"/api/v1/participations/{participationId}/answers", UriKind.Relative), new
        {
            answers = new object[]
            {
                new { questionKey = "alles.beleid", value = (object)"yes" },
                new { questionKey = "alles.volwassenheid", value = (object)3 },
                new { questionKey = "alles.aantal", value = (object)12 },
                new { questionKey = "alles.methode", value = (object)"adhoc" },
                new { questionKey = "alles.criteria", value = (object)new[] { "land", "geld" } },
                new { questionKey = "alles.uitkomsten", value = (object)new { cn = new { door = 3, gestopt = 1 }, other = new { door = 12, gestopt = 0 } } },
                new { questionKey = "alles.opmerking", value = (object)"Een langere toelichting die op een telefoon over meer regels moet doorlopen in plaats van de pagina te verbreden." },
                new { questionKey = "slot.akkoord", value = (object)"yes" },
            },
        });
        Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode, await saved.Content.ReadAsStringAsync());
    }

    public void Dispose() => admin.Dispose();
}
