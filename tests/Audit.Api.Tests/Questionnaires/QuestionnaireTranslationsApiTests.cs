using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Application.Questionnaires;
using Audit.Core.Access;
using Audit.Core.Questionnaires;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Questionnaires;

/// <summary>Translated texts through the API, and a database seeded before the English existed taking it on.</summary>
[TestClass]
public sealed class QuestionnaireTranslationsApiTests
{
    private const string Yaml = """
        key: vertaald
        version: "1"
        title: {nl: Proef, en: Pilot}
        themes:
          - key: governance
            title: Governance
            questions:
              - key: governance.coordinator
                type: single_choice
                text: {nl: Is er een coördinator?, en: Is there a coordinator?}
                options:
                  - {key: ja, label: {nl: Ja, en: "Yes"}}
                  - {key: nee, label: Nee}
        """;

    private static StringContent Body(string text, string mediaType) => new(text, Encoding.UTF8, mediaType);

    [TestMethod]
    public async Task A_translated_upload_comes_back_in_both_forms_and_its_json_is_the_same_version()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var created = await admin.PostAsync("/api/v1/questionnaires", Body(Yaml, "application/yaml"));
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        var read = await admin.GetFromJsonAsync<JsonElement>("/api/v1/questionnaires/vertaald/versions/1");

        Assert.AreEqual("Proef", read.GetProperty("title").GetString(), "the listing title stays the own-language text");
        var definition = read.GetProperty("definition");
        var theme = definition.GetProperty("themes")[0];
        var question = theme.GetProperty("questions")[0];
        Assert.AreEqual("Governance", theme.GetProperty("title").GetString(), "a plain text stays a string");
        Assert.AreEqual("Is there a coordinator?", question.GetProperty("text").GetProperty("en").GetString());
        Assert.AreEqual("Is er een coördinator?", question.GetProperty("text").GetProperty("nl").GetString());
        Assert.AreEqual("Yes", question.GetProperty("options")[0].GetProperty("label").GetProperty("en").GetString());
        Assert.AreEqual("Nee", question.GetProperty("options")[1].GetProperty("label").GetString());

        var asJson = await admin.PostAsync("/api/v1/questionnaires", Body(definition.GetRawText(), "application/json"));
        Assert.AreEqual(HttpStatusCode.OK, asJson.StatusCode, "the same definition as JSON is the same version");
        var changedEnglish = await admin.PostAsync("/api/v1/questionnaires",
            Body(Yaml.Replace("en: Is there a coordinator?", "en: Do you have a coordinator?", StringComparison.Ordinal), "application/yaml"));
        await ProblemAssert.IsProblemAsync(changedEnglish, HttpStatusCode.Conflict);
    }

    [TestMethod]
    public async Task A_translation_without_its_dutch_text_is_a_400_naming_the_path()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var response = await admin.PostAsync("/api/v1/questionnaires",
            Body(Yaml.Replace("{nl: Is er een coördinator?, en: Is there a coordinator?}", "{en: Is there a coordinator?}", StringComparison.Ordinal)
                .Replace("{nl: Ja, en: \"Yes\"}", "{nl: Ja, engels: \"Yes\"}", StringComparison.Ordinal), "application/yaml"));

        var errors = (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.IsTrue(errors.TryGetProperty("themes[0].questions[0].text.nl", out _), errors.ToString());
        Assert.IsTrue(errors.TryGetProperty("themes[0].questions[0].options[0].label.engels", out _), errors.ToString());
    }

    [TestMethod]
    public async Task Seeding_adds_new_translations_to_a_stored_version_but_never_changes_what_it_asks()
    {
        await using var app = new AuditApp();
        _ = app.Server;
        var catalog = app.Services.GetRequiredService<QuestionnaireCatalog>();
        var repository = app.Services.GetRequiredService<IQuestionnaireRepository>();
        var dutchOnly = Yaml.Replace("{nl: Proef, en: Pilot}", "Proef", StringComparison.Ordinal)
            .Replace("{nl: Is er een coördinator?, en: Is there a coordinator?}", "Is er een coördinator?", StringComparison.Ordinal)
            .Replace("{nl: Ja, en: \"Yes\"}", "Ja", StringComparison.Ordinal);
        var now = DateTimeOffset.UtcNow;

        await SeedAsync(catalog, dutchOnly, now);
        var before = (await repository.GetAsync("vertaald", "1"))!;
        Assert.DoesNotContain("Is there a coordinator?", before.DefinitionJson);
        Assert.IsTrue((await catalog.GetAsync("vertaald", "1"))!.FindQuestion("governance.coordinator")!.LocalizedText.For("en").IsFallback);

        await SeedAsync(catalog, Yaml, now);
        var after = (await repository.GetAsync("vertaald", "1"))!;
        Assert.AreNotEqual(before.ContentHash, after.ContentHash);
        Assert.AreEqual(QuestionnaireJson.ContentHash(after.DefinitionJson), after.ContentHash);
        Assert.AreEqual("Is there a coordinator?",
            (await catalog.GetAsync("vertaald", "1"))!.FindQuestion("governance.coordinator")!.LocalizedText.For("en").Text,
            "the catalog forgets the version it parsed before");

        await SeedAsync(catalog, Yaml.Replace("nl: Is er een coördinator?", "nl: Heeft u een coördinator?", StringComparison.Ordinal), now);
        Assert.AreEqual(after.ContentHash, (await repository.GetAsync("vertaald", "1"))!.ContentHash, "a changed Dutch question is not a translation");
    }

    private static async Task SeedAsync(QuestionnaireCatalog catalog, string yaml, DateTimeOffset now)
    {
        var folder = Directory.CreateTempSubdirectory("seed-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "vertaald.yaml"), yaml);
            await catalog.SeedShippedAsync(folder, now, CancellationToken.None);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
