using Audit.Core.Questionnaires;

namespace Audit.Core.Tests.Questionnaires;

[TestClass]
public sealed class QuestionnaireDifferencesTests
{
    private static Questionnaire Load(string version, params string[] questions)
    {
        var result = QuestionnaireLoader.LoadYaml(SampleDefinitions.WithQuestions(questions).Replace("version: \"1\"", $"version: \"{version}\"", StringComparison.Ordinal));
        Assert.IsEmpty(result.Errors, string.Join(Environment.NewLine, result.Errors));
        return result.Value!;
    }

    [TestMethod]
    public void Texts_options_and_types_are_told_apart_and_the_same_question_is_unchanged()
    {
        var older = Load("1",
            "{key: same, type: yes_no, text: Blijft}",
            "{key: reworded, type: yes_no, text: Oud}",
            "{key: choice, type: single_choice, text: Kies, options: [{key: a, label: A}, {key: b, label: B}]}",
            "{key: levels, type: maturity, text: Niveau, levels: {1: Begin}}",
            "{key: gone, type: text, text: Weg}");
        var newer = Load("2",
            "{key: same, type: yes_no, text: Blijft}",
            "{key: reworded, type: number, text: Nieuw}",
            "{key: choice, type: single_choice, text: Kies, options: [{key: a, label: A!}, {key: c, label: C}]}",
            "{key: levels, type: maturity, text: Niveau, levels: {1: Start}}",
            "{key: fresh, type: text, text: Nieuw}");

        var result = QuestionnaireDifferences.Compare(older, newer);

        Assert.AreEqual(1, result.Unchanged);
        Assert.AreSequenceEqual(new[] { "fresh" }, result.Added.Select(q => q.Key));
        Assert.AreSequenceEqual(new[] { "gone" }, result.Removed.Select(q => q.Key));
        var changed = result.Changed.ToDictionary(c => c.Key);
        Assert.HasCount(3, changed);
        Assert.AreEqual(QuestionType.YesNo, changed["reworded"].OlderType);
        Assert.AreEqual("Nieuw", changed["reworded"].NewerText);
        Assert.IsFalse(changed["choice"].TypeChanged || changed["choice"].TextChanged);
        Assert.AreSequenceEqual(new[] { "c" }, changed["choice"].OptionsAdded);
        Assert.AreSequenceEqual(new[] { "b" }, changed["choice"].OptionsRemoved);
        Assert.AreSequenceEqual(new[] { "a" }, changed["choice"].OptionsRelabelled);
        Assert.AreSequenceEqual(new[] { "level:1" }, changed["levels"].OptionsRelabelled);
    }
}

[TestClass]
public sealed class DefinitionLinesTests
{
    [TestMethod]
    public void A_yaml_error_names_the_line_of_its_field_or_of_the_object_that_lacks_it()
    {
        const string yaml = "key: pilot\nversion: \"1\"\ntitle: Pilot\nthemes:\n  - key: t\n    title: T\n    questions:\n      - key: q\n        type: colour\n        text: Q\n      - type: yes_no\n        text: R\n";

        var result = QuestionnaireLoader.LoadYaml(yaml);

        var byPath = result.Errors.ToDictionary(e => e.Path);
        Assert.AreEqual(9, byPath["themes[0].questions[0].type"].Line);
        var missingKey = result.Errors.Single(e => e.Path.StartsWith("themes[0].questions[1]", StringComparison.Ordinal));
        Assert.AreEqual(11, missingKey.Line, string.Join("; ", result.Errors.Select(e => $"{e.Path}@{e.Line}")));
    }

    [TestMethod]
    public void A_json_error_names_its_line_and_a_syntax_error_keeps_its_own()
    {
        const string json = "{\n  \"key\": \"pilot\",\n  \"version\": \"1\",\n  \"title\": \"\",\n  \"themes\": [\n    {\"key\": \"t\", \"title\": \"T\", \"questions\": []}\n  ]\n}";

        var result = QuestionnaireLoader.LoadJson(json);
        var syntax = QuestionnaireLoader.LoadJson("{\n  \"key\": ");

        var byPath = result.Errors.ToDictionary(e => e.Path);
        Assert.AreEqual(4, byPath["title"].Line);
        Assert.AreEqual(6, byPath["themes[0].questions"].Line);
        Assert.IsNull(syntax.Errors.Single().Line);
        Assert.Contains("line", syntax.Errors.Single().Message);
    }

    [TestMethod]
    public void A_path_not_written_falls_back_to_its_nearest_written_ancestor()
    {
        var map = new Dictionary<string, int> { [""] = 1, ["themes"] = 4, ["themes[0]"] = 5 };

        Assert.AreEqual(5, DefinitionLines.LineOf(map, "themes[0].questions[2].key"));
        Assert.AreEqual(1, DefinitionLines.LineOf(map, "language"));
        Assert.IsNull(DefinitionLines.LineOf(new Dictionary<string, int>(), "title"));
    }
}
