using Audit.Core.Questionnaires;

namespace Audit.Core.Tests.Questionnaires;

/// <summary>Texts written as a plain string or as <c>{ nl: …, en: … }</c>, and the shipped questionnaires' English.</summary>
[TestClass]
public sealed class QuestionnaireTranslationTests
{
    private const string Translated = """
        key: demo
        version: "1"
        title: {nl: Vragenlijst, en: Questionnaire}
        themes:
          - key: t
            title:
              nl: Thema
              en: Theme
            description: {nl: Over het thema, en: About the theme}
            questions:
              - key: t.count
                type: number
                text: {nl: Hoeveel?, en: How many?}
                help: {nl: Tel ze., en: Count them.}
                unit: {nl: stuks, en: items}
              - key: t.choice
                type: single_choice
                text: Alleen Nederlands
                options:
                  - {key: a, label: {nl: Eén, en: One}}
                  - {key: b, label: Twee}
              - key: t.level
                type: maturity
                text: {nl: Niveau?, en: Level?}
                levels: {0: {nl: Niets, en: Nothing}, 3: Gedefinieerd}
              - key: t.grid
                type: grid
                text: {nl: Tabel, en: Table}
                rows: [{key: r, label: {nl: Rij, en: Row}}]
                columns: [{key: c, label: {nl: Kolom, en: Column}}]
        """;

    private static Questionnaire Load(string yaml)
    {
        var result = QuestionnaireLoader.LoadYaml(yaml);
        Assert.IsEmpty(result.Errors, string.Join(Environment.NewLine, result.Errors));
        return result.Value!;
    }

    [TestMethod]
    public void The_mapping_form_reads_every_translatable_text_and_the_plain_form_still_works()
    {
        var questionnaire = Load(Translated);
        var theme = questionnaire.Themes[0];
        var count = questionnaire.FindQuestion("t.count")!;
        var choice = questionnaire.FindQuestion("t.choice")!;
        var level = questionnaire.FindQuestion("t.level")!;
        var grid = questionnaire.FindQuestion("t.grid")!;

        // The plain properties stay the Dutch text, so every existing reader keeps working.
        Assert.AreEqual("Vragenlijst", questionnaire.Title);
        Assert.AreEqual("Hoeveel?", count.Text);
        Assert.AreEqual("Eén", choice.Options[0].Label);
        Assert.AreEqual("Questionnaire", questionnaire.LocalizedTitle.For("en").Text);
        Assert.AreEqual("Theme", theme.LocalizedTitle.For("en").Text);
        Assert.AreEqual("About the theme", theme.LocalizedDescription!.For("en").Text);
        Assert.AreEqual("How many?", count.LocalizedText.For("en").Text);
        Assert.AreEqual("Count them.", count.LocalizedHelp!.For("en").Text);
        Assert.AreEqual("items", count.LocalizedUnit!.For("en").Text);
        Assert.AreEqual("One", choice.Options[0].LocalizedLabel.For("en").Text);
        Assert.AreEqual("Nothing", level.LocalizedLevels![0].For("en").Text);
        Assert.AreEqual("Row", grid.Rows[0].LocalizedLabel.For("en").Text);
        Assert.AreEqual("Column", grid.Columns[0].LocalizedLabel.For("en").Text);

        // Without English the Dutch comes back, marked as a fallback in Dutch.
        Assert.AreEqual(new LocalizedString("Alleen Nederlands", "nl", IsFallback: true), choice.LocalizedText.For("en"));
        Assert.AreEqual(new LocalizedString("Twee", "nl", IsFallback: true), choice.Options[1].LocalizedLabel.For("en"));
        Assert.AreEqual(new LocalizedString("Gedefinieerd", "nl", IsFallback: true), level.LocalizedLevels![3].For("en"));
        Assert.AreEqual(new LocalizedString("Hoeveel?", "nl", IsFallback: false), count.LocalizedText.For("nl"));
        Assert.AreEqual(new LocalizedString("How many?", "en", IsFallback: false), count.LocalizedText.For("en"));
    }

    [TestMethod]
    public void Canonical_json_keeps_plain_strings_and_writes_translations_as_an_object_that_reads_back_equal()
    {
        var questionnaire = Load(Translated);
        var json = QuestionnaireJson.Serialize(questionnaire);

        Assert.Contains("\"text\":\"Alleen Nederlands\"", json);
        Assert.Contains("\"text\":{\"nl\":\"Hoeveel?\",\"en\":\"How many?\"}", json);
        Assert.Contains("{\"key\":\"b\",\"label\":\"Twee\"}", json);
        Assert.Contains("\"0\":{\"nl\":\"Niets\",\"en\":\"Nothing\"}", json);
        var again = QuestionnaireLoader.LoadJson(json);
        Assert.IsEmpty(again.Errors, string.Join(Environment.NewLine, again.Errors));
        Assert.AreEqual(json, QuestionnaireJson.Serialize(again.Value!));
        Assert.AreEqual("How many?", again.Value!.FindQuestion("t.count")!.LocalizedText.For("en").Text);
    }

    [TestMethod]
    public void A_definition_without_translations_keeps_its_canonical_json_and_hash()
    {
        var plain = QuestionnaireLoader.LoadYaml(SampleDefinitions.Yaml).Value!;
        var json = QuestionnaireJson.Serialize(plain);

        Assert.DoesNotContain("\"nl\":", json);
        Assert.AreEqual(QuestionnaireJson.ContentHash(json), QuestionnaireJson.ContentHash(QuestionnaireLoader.LoadJson(json).Value!));
    }

    [TestMethod]
    public void An_invalid_mapping_names_each_path()
    {
        var result = QuestionnaireLoader.LoadYaml("""
            key: demo
            version: "1"
            title: {en: Only English}
            themes:
              - key: t
                title: {nl: Thema, english: Theme}
                questions:
                  - key: t.q
                    type: yes_no
                    text: {nl: Vraag, en: ""}
                  - key: t.r
                    type: single_choice
                    text: Vraag
                    options: [{key: a, label: {nl: [Eén]}}]
            """);

        Assert.IsFalse(result.IsValid);
        var paths = result.Errors.Select(e => e.Path).ToList();
        Assert.Contains("title.nl", paths, string.Join("; ", result.Errors));
        Assert.Contains("themes[0].title.english", paths);
        Assert.Contains("themes[0].questions[0].text.en", paths);
        Assert.Contains("themes[0].questions[1].options[0].label.nl", paths);
        Assert.Contains("'nl'", result.Errors.Single(e => e.Path == "title.nl").Message);
        Assert.IsTrue(result.Errors.All(e => e.Line is not null), "every error names its line");
    }

    [TestMethod]
    public void The_own_language_decides_which_text_is_required()
    {
        var result = QuestionnaireLoader.LoadYaml("""
            key: demo
            version: "1"
            language: en
            title: {nl: Vragenlijst}
            themes: [{key: t, title: Theme, questions: [{key: t.q, type: yes_no, text: {en: Question?, nl: Vraag?}}]}]
            """);

        Assert.AreEqual("title.en", result.Errors.Single().Path);
    }

    [TestMethod]
    public void A_changed_english_text_or_label_is_a_change()
    {
        var older = Load(Translated);
        var newer = Load(Translated.Replace("en: How many?", "en: How many in total?", StringComparison.Ordinal)
            .Replace("en: One}", "en: First}", StringComparison.Ordinal));

        var differences = QuestionnaireDifferences.Compare(older, newer);

        var text = differences.Changed.Single(c => c.Key == "t.count");
        Assert.IsTrue(text.TextChanged);
        var option = differences.Changed.Single(c => c.Key == "t.choice");
        Assert.AreEqual("a", option.OptionsRelabelled.Single());
        Assert.AreEqual(2, differences.Unchanged);
    }
}
