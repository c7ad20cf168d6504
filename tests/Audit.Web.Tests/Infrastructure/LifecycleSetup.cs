using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Audit.Core.Access;

namespace Audit.Web.Tests.Infrastructure;

/// <summary>
/// The material of the round life-cycle test (a short questionnaire, the contacts file) and the one step the test
/// leaves to its setup: the other universities answering, submitting and being accepted, over the API as their
/// contacts and the bureau would.
/// </summary>
public static class LifecycleSetup
{
    public const string QuestionnaireKey = "proef-kennisveiligheid";

    public const string RoundTitle = "Proefaudit kennisveiligheid 2025";

    public const string MaturityQuestion = "Hoe volwassen is de risicoanalyse van internationale samenwerkingen?";

    /// <summary>The universities of the shipped registry (<c>templates/registry/institutions.csv</c>).</summary>
    public static readonly IReadOnlyList<string> Universities =
        ["eur", "leiden", "um", "ou", "ru", "rug", "tudelft", "tue", "tiu", "ut", "uu", "uva", "vu", "wur"];

    public const string QuestionnaireYaml = $$"""
        key: {{QuestionnaireKey}}
        version: "1"
        title: Proefvragenlijst kennisveiligheid
        language: nl
        themes:
          - key: beleid
            title: Beleid en risicoanalyse
            description: Over het beleid voor kennisveiligheid en de toetsing van internationale samenwerkingen.
            questions:
              - {key: beleid.vastgesteld, type: yes_no, text: Heeft het bestuur beleid voor kennisveiligheid vastgesteld?, required: true}
              - key: beleid.volwassenheid
                type: maturity
                text: {{MaturityQuestion}}
                required: true
                levels: {0: Niet aanwezig, 1: Ad hoc, 2: Herhaalbaar, 3: Gedefinieerd, 4: Beheerst, 5: Geoptimaliseerd}
        """;

    /// <summary>One contact per university, <paramref name="email"/> for <paramref name="institution"/>; semicolons, as Excel writes them here.</summary>
    public static string ContactsCsv(string institution, string email)
    {
        var csv = new StringBuilder("institutionId;name;email\n");
        foreach (var id in Universities)
        {
            csv.Append(id).Append(';').Append(id == institution ? "Jamila el Amrani" : $"Contact {id}").Append(';')
                .Append(id == institution ? email : $"contact@{id}.example.nl").Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>Every participation of the round but <paramref name="except"/>'s: answered, submitted and accepted.</summary>
    public static async Task AcceptAllOthersAsync(WebApp app, string roundId, string except)
    {
        using var admin = app.ApiClient(await app.UserWithTokenAsync("Setup Beheer", Role.Admin));
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{roundId}/participations?pageSize=100");
        var others = page.GetProperty("items").EnumerateArray()
            .Select(p => (Institution: p.GetProperty("institutionId").GetString()!, Id: p.GetProperty("id").GetString()!))
            .Where(p => p.Institution != except).ToList();
        Assert.HasCount(Universities.Count - 1, others);
        var level = 0;
        foreach (var (institution, id) in others)
        {
            using var contact = app.ApiClient(await app.UserWithTokenAsync($"Setup {institution}", Role.Respondent, institution));
            var answers = new object[]
            {
                new { questionKey = "beleid.vastgesteld", value = level % 3 == 0 ? "no" : "yes" },
                new { questionKey = "beleid.volwassenheid", value = level++ % 6 },
            };
            await ExpectAsync(HttpStatusCode.OK, await contact.PatchAsJsonAsync($"/api/v1/participations/{id}/answers", new { answers }));
            await ExpectAsync(HttpStatusCode.OK, await contact.PostAsync(new Uri($"/api/v1/participations/{id}/submission", UriKind.Relative), null));
            await ExpectAsync(HttpStatusCode.OK, await admin.PostAsJsonAsync($"/api/v1/participations/{id}/reviews", new { decision = "accept" }));
        }
    }

    private static async Task ExpectAsync(HttpStatusCode expected, HttpResponseMessage response) =>
        Assert.AreEqual(expected, response.StatusCode, await response.Content.ReadAsStringAsync());
}
