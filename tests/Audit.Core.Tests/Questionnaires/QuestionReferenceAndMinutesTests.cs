using Audit.Core.Questionnaires;

namespace Audit.Core.Tests.Questionnaires;

/// <summary>The optional <c>reference</c> per question and <c>minutes</c> per theme: read, checked, stored canonically.</summary>
[TestClass]
public sealed class QuestionReferenceAndMinutesTests
{
    private static string WithTheme(string themeFields, params string[] questions) =>
        SampleDefinitions.WithQuestions(questions).Replace("    title: Thema\n", "    title: Thema\n" + themeFields, StringComparison.Ordinal);

    [TestMethod]
    public void A_reference_is_read_trimmed_and_survives_the_canonical_json()
    {
        var result = QuestionnaireLoader.LoadYaml(SampleDefinitions.WithQuestions(
            "{key: a, type: yes_no, text: A, reference: \" Kamerbrief dec. 2022, Risicoanalyse \"}", "{key: b, type: yes_no, text: B}"));

        Assert.IsEmpty(result.Errors, string.Join(Environment.NewLine, result.Errors));
        Assert.AreEqual("Kamerbrief dec. 2022, Risicoanalyse", result.Value!.FindQuestion("a")!.Reference);
        Assert.IsNull(result.Value.FindQuestion("b")!.Reference);
        var json = QuestionnaireJson.Serialize(result.Value);
        Assert.Contains("\"reference\":\"Kamerbrief dec. 2022, Risicoanalyse\"", json);
        Assert.AreEqual(1, json.Split("\"reference\"").Length - 1, "only the question that has one writes it");
        Assert.AreEqual("Kamerbrief dec. 2022, Risicoanalyse", QuestionnaireLoader.LoadJson(json).Value!.FindQuestion("a")!.Reference);
    }

    [TestMethod]
    public void A_definition_without_references_or_minutes_keeps_its_canonical_bytes()
    {
        var questionnaire = QuestionnaireLoader.LoadYaml(SampleDefinitions.Yaml).Value!;

        var json = QuestionnaireJson.Serialize(questionnaire);

        Assert.DoesNotContain("\"reference\"", json);
        Assert.DoesNotContain("\"minutes\"", json);
    }

    [TestMethod]
    public void An_empty_or_overlong_reference_is_an_error_at_its_path()
    {
        var result = QuestionnaireLoader.LoadYaml(SampleDefinitions.WithQuestions(
            "{key: a, type: yes_no, text: A, reference: \"  \"}",
            $"{{key: b, type: yes_no, text: B, reference: \"{new string('x', 201)}\"}}"));

        Assert.IsFalse(result.IsValid);
        Assert.AreSequenceEqual(new[] { "themes[0].questions[0].reference", "themes[0].questions[1].reference" },
            result.Errors.Select(e => e.Path).ToList());
    }

    [TestMethod]
    public void Minutes_are_read_per_theme_and_the_estimate_falls_back_on_question_types()
    {
        var stated = QuestionnaireLoader.LoadYaml(WithTheme("    minutes: 12\n", "{key: a, type: yes_no, text: A}")).Value!;
        var estimated = QuestionnaireLoader.LoadYaml(SampleDefinitions.WithQuestions(
            "{key: a, type: yes_no, text: A}", "{key: b, type: text, text: B}", "{key: c, type: grid, text: C, rows: [{key: r, label: R}], columns: [{key: k, label: K}]}")).Value!;

        Assert.AreEqual(12, stated.Themes[0].Minutes);
        Assert.AreEqual(12, stated.Themes[0].EstimatedMinutes);
        Assert.Contains("\"minutes\":12", QuestionnaireJson.Serialize(stated));
        Assert.AreEqual(12, QuestionnaireLoader.LoadJson(QuestionnaireJson.Serialize(stated)).Value!.Themes[0].Minutes);
        Assert.IsNull(estimated.Themes[0].Minutes);
        // 20 s + 180 s + 240 s = 440 s, rounded up to 8 minutes.
        Assert.AreEqual(8, estimated.Themes[0].EstimatedMinutes);
    }

    [TestMethod]
    [DataRow("0")]
    [DataRow("241")]
    [DataRow("2.5")]
    [DataRow("veel")]
    public void Minutes_outside_one_to_240_whole_minutes_are_an_error(string minutes)
    {
        var result = QuestionnaireLoader.LoadYaml(WithTheme($"    minutes: {minutes}\n", "{key: a, type: yes_no, text: A}"));

        Assert.IsFalse(result.IsValid);
        Assert.AreSequenceEqual(new[] { "themes[0].minutes" }, result.Errors.Select(e => e.Path).ToList());
    }

    [TestMethod]
    public void The_fill_in_estimate_is_at_least_a_minute() =>
        Assert.AreEqual(1, FillInTime.Estimate([]));
}
