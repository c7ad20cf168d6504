using Audit.Core.Questionnaires;

namespace Audit.Core.Tests.Questionnaires;

[TestClass]
public sealed class QuestionnaireLoaderTests
{
    private static Questionnaire LoadValid(QuestionnaireLoadResult result)
    {
        Assert.IsEmpty(result.Errors, string.Join(Environment.NewLine, result.Errors));
        Assert.IsNotNull(result.Value);
        return result.Value;
    }

    [TestMethod]
    public void A_valid_definition_loads_with_every_type_and_the_defaults_applied()
    {
        var questionnaire = LoadValid(QuestionnaireLoader.LoadYaml(SampleDefinitions.Yaml));

        Assert.AreEqual("kennisveiligheid", questionnaire.Key);
        Assert.AreEqual("2023", questionnaire.Version);
        Assert.AreEqual("nl", questionnaire.Language);
        Assert.HasCount(2, questionnaire.Themes);
        Assert.AreEqual(3m, questionnaire.Themes[0].Norm);
        Assert.AreSequenceEqual(Enum.GetValues<QuestionType>().Order().ToList(), questionnaire.AllQuestions.Select(q => q.Type).Distinct().Order().ToList());

        var maturity = questionnaire.FindQuestion("governance.maturity")!;
        Assert.AreSequenceEqual(new[] { 0, 1, 2, 3, 4, 5 }, maturity.Levels!.Keys.ToList());
        Assert.AreEqual("Gedefinieerd", maturity.Levels[3]);
        Assert.AreEqual("5", maturity.Levels[5]);
        Assert.AreEqual(3m, maturity.Norm!.AtLeast);

        Assert.AreEqual(4000, questionnaire.FindQuestion("governance.explanation")!.MaxLength);
        Assert.AreEqual(new VisibilityCondition("governance.coordinator", "no"), questionnaire.FindQuestion("governance.explanation")!.VisibleWhen);
        Assert.AreSequenceEqual(new[] { "yes" }, questionnaire.FindQuestion("governance.coordinator")!.Norm!.Values!);
        Assert.AreEqual(1m, questionnaire.FindQuestion("risk.partnerships_assessed")!.Norm!.AtLeast);
        Assert.IsTrue(questionnaire.FindQuestion("risk.partnerships_assessed")!.Integer);
        Assert.AreEqual(1, questionnaire.FindQuestion("risk.criteria")!.MinSelected);
        Assert.IsFalse(questionnaire.FindQuestion("risk.outcomes")!.Required);
    }

    [TestMethod]
    public void Yaml_plain_scalars_read_as_the_type_the_field_expects()
    {
        // version 2023 unquoted, norm yes unquoted (YAML 1.1 would make it a boolean), a number norm as {atLeast}.
        var yaml = SampleDefinitions.WithQuestions(
            "{key: a, type: yes_no, text: A, norm: yes, required: True}",
            "{key: b, type: number, text: B, norm: {atLeast: 2.50}}").Replace("version: \"1\"", "version: 2023", StringComparison.Ordinal);

        var questionnaire = LoadValid(QuestionnaireLoader.LoadYaml(yaml));

        Assert.AreEqual("2023", questionnaire.Version);
        Assert.AreSequenceEqual(new[] { "yes" }, questionnaire.FindQuestion("a")!.Norm!.Values!);
        Assert.IsTrue(questionnaire.FindQuestion("a")!.Required);
        Assert.AreEqual(2.5m, questionnaire.FindQuestion("b")!.Norm!.AtLeast);
    }

    [TestMethod]
    public void A_visibleWhen_on_a_maturity_level_is_stored_as_the_answer_text()
    {
        var questionnaire = LoadValid(QuestionnaireLoader.LoadYaml(SampleDefinitions.WithQuestions(
            "{key: m, type: maturity, text: M, allowNotApplicable: true}",
            "{key: a, type: text, text: A, visibleWhen: {question: m, equals: 2}}",
            "{key: b, type: text, text: B, visibleWhen: {question: m, equals: not_applicable}}")));

        Assert.AreEqual("2", questionnaire.FindQuestion("a")!.VisibleWhen!.EqualsValue);
        Assert.AreEqual("not_applicable", questionnaire.FindQuestion("b")!.VisibleWhen!.EqualsValue);
    }

    [TestMethod]
    [DataRow("{key: a, type: yes_no, text: A}|{key: a, type: text, text: B}", "themes[0].questions[1].key", DisplayName = "duplicate question key")]
    [DataRow("{key: Bad Key, type: yes_no, text: A}", "themes[0].questions[0].key", DisplayName = "key syntax")]
    [DataRow("{type: yes_no, text: A}", "themes[0].questions[0].key", DisplayName = "missing question key")]
    [DataRow("{key: a, type: yes_no}", "themes[0].questions[0].text", DisplayName = "missing text")]
    [DataRow("{key: a, text: A}", "themes[0].questions[0].type", DisplayName = "missing type")]
    [DataRow("{key: a, type: likert, text: A}", "themes[0].questions[0].type", DisplayName = "unknown type")]
    [DataRow("{key: a, type: yes_no, text: A, requried: true}", "themes[0].questions[0].requried", DisplayName = "unknown field")]
    [DataRow("{key: a, type: yes_no, text: A, required: maybe}", "themes[0].questions[0].required", DisplayName = "required not a boolean")]
    [DataRow("{key: a, type: yes_no, text: A, options: [{key: x, label: X}]}", "themes[0].questions[0].options", DisplayName = "field of another type")]
    [DataRow("{key: a, type: number, text: A, allowNotApplicable: true}", "themes[0].questions[0].allowNotApplicable", DisplayName = "not applicable on number")]
    [DataRow("{key: a, type: yes_no, text: A, norm: maybe}", "themes[0].questions[0].norm", DisplayName = "yes_no norm")]
    [DataRow("{key: a, type: maturity, text: A, norm: 6}", "themes[0].questions[0].norm", DisplayName = "maturity norm above 5")]
    [DataRow("{key: a, type: maturity, text: A, norm: 2.5}", "themes[0].questions[0].norm", DisplayName = "maturity norm not whole")]
    [DataRow("{key: a, type: maturity, text: A, levels: {0: Geen, 7: Te hoog}}", "themes[0].questions[0].levels.7", DisplayName = "maturity level outside 0..5")]
    [DataRow("{key: a, type: maturity, text: A, levels: [Geen]}", "themes[0].questions[0].levels", DisplayName = "maturity levels not a mapping")]
    [DataRow("{key: a, type: number, text: A, norm: veel}", "themes[0].questions[0].norm", DisplayName = "number norm not a number")]
    [DataRow("{key: a, type: number, text: A, norm: {atLeast: veel}}", "themes[0].questions[0].norm.atLeast", DisplayName = "number norm atLeast not a number")]
    [DataRow("{key: a, type: number, text: A, min: 0, max: 10, norm: 11}", "themes[0].questions[0].norm", DisplayName = "number norm outside bounds")]
    [DataRow("{key: a, type: number, text: A, min: 5, max: 1}", "themes[0].questions[0].max", DisplayName = "min above max")]
    [DataRow("{key: a, type: single_choice, text: A, options: [{key: x, label: X}], norm: [y]}", "themes[0].questions[0].norm[0]", DisplayName = "single_choice norm not an option")]
    [DataRow("{key: a, type: multi_choice, text: A, options: [{key: x, label: X}], norm: x}", "themes[0].questions[0].norm", DisplayName = "multi_choice norm not a list")]
    [DataRow("{key: a, type: grid, text: A, rows: [{key: r, label: R}], columns: [{key: c, label: C}], norm: 1}", "themes[0].questions[0].norm", DisplayName = "grid has no norm")]
    [DataRow("{key: a, type: text, text: A, norm: iets}", "themes[0].questions[0].norm", DisplayName = "text has no norm")]
    [DataRow("{key: a, type: single_choice, text: A, options: []}", "themes[0].questions[0].options", DisplayName = "empty options")]
    [DataRow("{key: a, type: multi_choice, text: A}", "themes[0].questions[0].options", DisplayName = "missing options")]
    [DataRow("{key: a, type: single_choice, text: A, options: [{key: x, label: X}, {key: x, label: Y}]}", "themes[0].questions[0].options[1].key", DisplayName = "duplicate option key")]
    [DataRow("{key: a, type: single_choice, text: A, options: [{key: x}]}", "themes[0].questions[0].options[0].label", DisplayName = "option without label")]
    [DataRow("{key: a, type: grid, text: A, rows: [], columns: [{key: c, label: C}]}", "themes[0].questions[0].rows", DisplayName = "empty rows")]
    [DataRow("{key: a, type: grid, text: A, rows: [{key: r, label: R}], columns: []}", "themes[0].questions[0].columns", DisplayName = "empty columns")]
    [DataRow("{key: a, type: grid, text: A, rows: [{key: r, label: R}, {key: r, label: S}], columns: [{key: c, label: C}]}", "themes[0].questions[0].rows[1].key", DisplayName = "duplicate row key")]
    [DataRow("{key: a, type: grid, text: A, rows: [{key: r, label: R}], columns: [{key: c, label: C}, {key: c, label: D}]}", "themes[0].questions[0].columns[1].key", DisplayName = "duplicate column key")]
    [DataRow("{key: a, type: multi_choice, text: A, options: [{key: x, label: X}], minSelected: 2}", "themes[0].questions[0].minSelected", DisplayName = "minSelected above options")]
    [DataRow("{key: a, type: multi_choice, text: A, options: [{key: x, label: X}], maxSelected: -1}", "themes[0].questions[0].maxSelected", DisplayName = "maxSelected negative")]
    [DataRow("{key: a, type: multi_choice, text: A, options: [{key: x, label: X}, {key: y, label: Y}], minSelected: 2, maxSelected: 1}", "themes[0].questions[0].maxSelected", DisplayName = "minSelected above maxSelected")]
    [DataRow("{key: a, type: text, text: A, maxLength: 0}", "themes[0].questions[0].maxLength", DisplayName = "maxLength zero")]
    [DataRow("{key: a, type: text, text: A, visibleWhen: {question: nowhere, equals: x}}", "themes[0].questions[0].visibleWhen.question", DisplayName = "visibleWhen on a missing question")]
    [DataRow("{key: a, type: text, text: A, visibleWhen: {question: b, equals: \"yes\"}}|{key: b, type: yes_no, text: B}", "themes[0].questions[0].visibleWhen.question", DisplayName = "visibleWhen on a later question")]
    [DataRow("{key: a, type: yes_no, text: A, visibleWhen: {question: a, equals: \"yes\"}}", "themes[0].questions[0].visibleWhen.question", DisplayName = "visibleWhen on itself")]
    [DataRow("{key: b, type: yes_no, text: B}|{key: a, type: text, text: A, visibleWhen: {question: b, equals: maybe}}", "themes[0].questions[1].visibleWhen.equals", DisplayName = "visibleWhen equals not yes or no")]
    [DataRow("{key: b, type: yes_no, text: B}|{key: a, type: text, text: A, visibleWhen: {question: b, equals: not_applicable}}", "themes[0].questions[1].visibleWhen.equals", DisplayName = "visibleWhen equals not_applicable where not allowed")]
    [DataRow("{key: b, type: maturity, text: B}|{key: a, type: text, text: A, visibleWhen: {question: b, equals: 6}}", "themes[0].questions[1].visibleWhen.equals", DisplayName = "visibleWhen equals not a level")]
    [DataRow("{key: b, type: single_choice, text: B, options: [{key: x, label: X}]}|{key: a, type: text, text: A, visibleWhen: {question: b, equals: y}}", "themes[0].questions[1].visibleWhen.equals", DisplayName = "visibleWhen equals not an option")]
    [DataRow("{key: b, type: text, text: B}|{key: a, type: text, text: A, visibleWhen: {question: b, equals: x}}", "themes[0].questions[1].visibleWhen.question", DisplayName = "visibleWhen on a text question")]
    [DataRow("{key: b, type: yes_no, text: B}|{key: a, type: text, text: A, visibleWhen: {question: b}}", "themes[0].questions[1].visibleWhen.equals", DisplayName = "visibleWhen without equals")]
    public void A_broken_question_is_reported_at_its_path(string questions, string expectedPath)
    {
        var result = QuestionnaireLoader.LoadYaml(SampleDefinitions.WithQuestions(questions.Split('|')));

        Assert.IsNull(result.Value);
        Assert.HasCount(1, result.Errors, string.Join(Environment.NewLine, result.Errors));
        Assert.AreEqual(expectedPath, result.Errors[0].Path, result.Errors[0].ToString());
        Assert.IsFalse(string.IsNullOrWhiteSpace(result.Errors[0].Message));
    }

    [TestMethod]
    [DataRow("key: Test!\nversion: \"1\"\ntitle: T\nthemes: [{key: t, title: T, questions: [{key: a, type: text, text: A}]}]", "key", DisplayName = "questionnaire key syntax")]
    [DataRow("key: test\nversion: \"1\"\ntitle: T\nthemes: []", "themes", DisplayName = "no themes")]
    [DataRow("key: test\nversion: \"1\"\ntitle: T\nlanguage: Nederlands\nthemes: [{key: t, title: T, questions: [{key: a, type: text, text: A}]}]", "language", DisplayName = "language code")]
    [DataRow("key: test\nversion: \"1\"\ntitel: T\ntitle: T\nthemes: [{key: t, title: T, questions: [{key: a, type: text, text: A}]}]", "titel", DisplayName = "unknown root field")]
    [DataRow("key: test\nversion: \"1\"\ntitle: T\nthemes: [{key: t, title: T, questions: [{key: a, type: text, text: A}]}, {key: t, title: U, questions: [{key: b, type: text, text: B}]}]", "themes[1].key", DisplayName = "duplicate theme key")]
    [DataRow("key: test\nversion: \"1\"\ntitle: T\nthemes: [{key: t, title: T, norm: 6, questions: [{key: a, type: text, text: A}]}]", "themes[0].norm", DisplayName = "theme norm above 5")]
    [DataRow("key: test\nversion: \"1\"\ntitle: T\nthemes: [{key: t, title: T, questions: []}]", "themes[0].questions", DisplayName = "theme without questions")]
    [DataRow("key: test\nversion: \"1\"\ntitle: T\nthemes: [{key: t, title: T}]", "themes[0].questions", DisplayName = "theme missing questions")]
    [DataRow("key: test\nversion: \"1\"\ntitle: T\nthemes: [{key: t, questions: [{key: a, type: text, text: A}]}]", "themes[0].title", DisplayName = "theme missing title")]
    [DataRow("key: test\nversion: \"1\"\ntitle: T\nthemes: [{key: t, title: T, questions: [{key: a, type: text, text: A}]}, {key: u, title: U, questions: [{key: a, type: yes_no, text: B}]}]", "themes[1].questions[0].key", DisplayName = "question key unique across themes")]
    [DataRow("key: [test\n", "", DisplayName = "YAML syntax")]
    [DataRow("- a\n- b\n", "", DisplayName = "not a mapping")]
    public void A_broken_definition_is_reported_at_its_path(string yaml, string expectedPath)
    {
        var result = QuestionnaireLoader.LoadYaml(yaml);

        Assert.IsNull(result.Value);
        Assert.HasCount(1, result.Errors, string.Join(Environment.NewLine, result.Errors));
        Assert.AreEqual(expectedPath, result.Errors[0].Path, result.Errors[0].ToString());
    }

    [TestMethod]
    public void Missing_required_fields_are_all_reported_at_once()
    {
        var result = QuestionnaireLoader.LoadYaml("language: nl\n");

        Assert.AreSequenceEqual(new[] { "key", "version", "title", "themes" }, result.Errors.Select(e => e.Path).ToList());
    }

    [TestMethod]
    public void Errors_in_several_places_are_all_reported_at_once()
    {
        var result = QuestionnaireLoader.LoadYaml(SampleDefinitions.WithQuestions(
            "{key: a, type: likert, text: A}",
            "{key: a, type: maturity, text: B, norm: 9}",
            "{key: c, type: single_choice, text: C, options: []}",
            "{key: d, type: text, text: D, visibleWhen: {question: zz, equals: x}}"));

        Assert.IsNull(result.Value);
        Assert.AreSequenceEqual(
            new[]
            {
                "themes[0].questions[0].type",
                "themes[0].questions[1].key",
                "themes[0].questions[1].norm",
                "themes[0].questions[2].options",
                "themes[0].questions[3].visibleWhen.question",
            },
            result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal).ToList());
    }

    [TestMethod]
    public void Json_reports_the_same_paths_and_catches_a_repeated_property()
    {
        var result = QuestionnaireLoader.LoadJson("""
            {"key": "test", "version": "1", "title": "T", "title": "U",
             "themes": [{"key": "t", "title": "T", "questions": [{"key": "a", "type": "maturity", "text": "A", "norm": "3"}]}]}
            """);

        Assert.AreSequenceEqual(new[] { "themes[0].questions[0].norm", "title" }, result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal).ToList());
    }

    [TestMethod]
    public void Json_syntax_errors_are_reported_at_the_root()
    {
        var result = QuestionnaireLoader.LoadJson("{\"key\": ");

        Assert.HasCount(1, result.Errors);
        Assert.AreEqual("", result.Errors[0].Path);
    }

    [TestMethod]
    public void A_repeated_yaml_field_is_an_error_not_a_crash()
    {
        var result = QuestionnaireLoader.LoadYaml("key: a\nkey: b\nversion: \"1\"\ntitle: T\nthemes: [{key: t, title: T, questions: [{key: q, type: text, text: Q}]}]\n");

        Assert.IsNull(result.Value);
        Assert.HasCount(1, result.Errors);
    }
}
