using System.Text.Json;
using Audit.Core.Questionnaires;

namespace Audit.Core.Tests.Questionnaires;

[TestClass]
public sealed class QuestionnaireJsonTests
{
    private static Questionnaire Load(QuestionnaireLoadResult result)
    {
        Assert.IsEmpty(result.Errors, string.Join(Environment.NewLine, result.Errors));
        return result.Value!;
    }

    [TestMethod]
    public void The_same_definition_in_yaml_and_json_gives_the_same_canonical_json_and_hash()
    {
        var fromYaml = Load(QuestionnaireLoader.LoadYaml(SampleDefinitions.Yaml));
        var fromJson = Load(QuestionnaireLoader.LoadJson(SampleDefinitions.Json));

        Assert.AreEqual(QuestionnaireJson.Serialize(fromYaml), QuestionnaireJson.Serialize(fromJson));
        Assert.AreEqual(QuestionnaireJson.ContentHash(fromYaml), QuestionnaireJson.ContentHash(fromJson));
    }

    [TestMethod]
    public void The_canonical_json_loads_back_to_the_same_bytes()
    {
        var canonical = QuestionnaireJson.Serialize(Load(QuestionnaireLoader.LoadYaml(SampleDefinitions.Yaml)));

        var reloaded = QuestionnaireJson.Serialize(Load(QuestionnaireLoader.LoadJson(canonical)));

        Assert.AreEqual(canonical, reloaded);
        Assert.AreEqual(QuestionnaireJson.ContentHash(canonical), QuestionnaireJson.ContentHash(reloaded));
    }

    [TestMethod]
    public void The_canonical_json_is_compact_camel_case_with_defaults_written_out()
    {
        var canonical = QuestionnaireJson.Serialize(Load(QuestionnaireLoader.LoadYaml(SampleDefinitions.Yaml)));

        Assert.IsFalse(canonical.Contains('\n', StringComparison.Ordinal));
        Assert.StartsWith("""{"key":"kennisveiligheid","version":"2023","title":"Externe audit kennisveiligheid 2023","language":"nl","themes":[""", canonical);
        Assert.Contains("coördinator", canonical);
        Assert.Contains("\"norm\":{\"atLeast\":1}", canonical);
        Assert.Contains("\"maxLength\":4000", canonical);
        Assert.Contains("\"visibleWhen\":{\"question\":\"governance.coordinator\",\"equals\":\"no\"}", canonical);
        using var document = JsonDocument.Parse(canonical);
        Assert.AreEqual(3, document.RootElement.GetProperty("themes")[0].GetProperty("norm").GetInt32());
    }

    [TestMethod]
    public void The_hash_is_lowercase_hex_sha256_and_changes_with_the_content()
    {
        var questionnaire = Load(QuestionnaireLoader.LoadYaml(SampleDefinitions.Yaml));
        var hash = QuestionnaireJson.ContentHash(questionnaire);

        Assert.MatchesRegex("^[0-9a-f]{64}$", hash);
        var retitled = questionnaire with { Title = "Anders" };
        Assert.AreNotEqual(hash, QuestionnaireJson.ContentHash(retitled));
    }

    [TestMethod]
    public void ToStored_carries_the_canonical_json_and_its_hash()
    {
        var questionnaire = Load(QuestionnaireLoader.LoadYaml(SampleDefinitions.Yaml));
        var at = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var stored = QuestionnaireJson.ToStored(questionnaire, at);

        Assert.AreEqual(QuestionnaireJson.Serialize(questionnaire), stored.DefinitionJson);
        Assert.AreEqual(QuestionnaireJson.ContentHash(stored.DefinitionJson), stored.ContentHash);
        Assert.AreEqual(("kennisveiligheid", "2023", "nl", at), (stored.Key, stored.Version, stored.Language, stored.CreatedAt));
    }
}
