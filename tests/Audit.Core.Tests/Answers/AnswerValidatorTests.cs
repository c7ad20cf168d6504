using System.Text.Json;
using Audit.Core.Answers;
using Audit.Core.Questionnaires;

namespace Audit.Core.Tests.Answers;

[TestClass]
public sealed class AnswerValidatorTests
{
    private static readonly Questionnaire Definition = Load(
        "{key: yn, type: yes_no, text: YN}",
        "{key: yn_na, type: yes_no, text: YN, allowNotApplicable: true}",
        "{key: mat, type: maturity, text: M}",
        "{key: mat_na, type: maturity, text: M, allowNotApplicable: true}",
        "{key: num, type: number, text: N, min: 0, max: 100, integer: true}",
        "{key: dec, type: number, text: D}",
        "{key: one, type: single_choice, text: S, options: [{key: a, label: A}, {key: b, label: B}]}",
        "{key: many, type: multi_choice, text: M, options: [{key: a, label: A}, {key: b, label: B}, {key: c, label: C}], minSelected: 1, maxSelected: 2}",
        "{key: many_free, type: multi_choice, text: M, options: [{key: a, label: A}, {key: b, label: B}]}",
        "{key: grid, type: grid, text: G, rows: [{key: cn, label: China}, {key: ru, label: Rusland}], columns: [{key: continued, label: Voortgezet}, {key: declined, label: Afgezien}]}",
        "{key: txt, type: text, text: T, maxLength: 5}",
        "{key: txt_default, type: text, text: T}");

    internal static Questionnaire Load(params string[] questions)
    {
        var result = QuestionnaireLoader.LoadYaml(Tests.Questionnaires.SampleDefinitions.WithQuestions(questions));
        Assert.IsEmpty(result.Errors, string.Join(Environment.NewLine, result.Errors));
        return result.Value!;
    }

    private static IReadOnlyList<AnswerError> Validate(string questionKey, string json)
    {
        using var document = JsonDocument.Parse(json);
        return AnswerValidator.Validate(Definition.FindQuestion(questionKey)!, document.RootElement.Clone());
    }

    [TestMethod]
    [DataRow("yn", "\"yes\"")]
    [DataRow("yn", "\"no\"")]
    [DataRow("yn_na", "\"not_applicable\"")]
    [DataRow("mat", "0")]
    [DataRow("mat", "5")]
    [DataRow("mat", "3.0")]
    [DataRow("mat_na", "\"not_applicable\"")]
    [DataRow("num", "0")]
    [DataRow("num", "100")]
    [DataRow("num", "42")]
    [DataRow("dec", "-3.75")]
    [DataRow("dec", "1e6")]
    [DataRow("one", "\"b\"")]
    [DataRow("many", "[\"a\"]")]
    [DataRow("many", "[\"c\", \"a\"]")]
    [DataRow("many_free", "[]")]
    [DataRow("grid", "{}")]
    [DataRow("grid", "{\"cn\": {\"continued\": 3, \"declined\": 0}}")]
    [DataRow("grid", "{\"cn\": {}, \"ru\": {\"declined\": 12}}")]
    [DataRow("txt", "\"abcde\"")]
    [DataRow("txt_default", "\"Een toelichting.\"")]
    public void A_valid_answer_has_no_errors(string questionKey, string json)
    {
        var errors = Validate(questionKey, json);

        Assert.IsEmpty(errors, string.Join(Environment.NewLine, errors));
    }

    [TestMethod]
    [DataRow("yn", "null", 1)]
    [DataRow("yn", "\"ja\"", 1)]
    [DataRow("yn", "true", 1)]
    [DataRow("yn", "\"not_applicable\"", 1)]
    [DataRow("yn_na", "\"maybe\"", 1)]
    [DataRow("mat", "6", 1)]
    [DataRow("mat", "-1", 1)]
    [DataRow("mat", "2.5", 1)]
    [DataRow("mat", "\"3\"", 1)]
    [DataRow("mat", "\"not_applicable\"", 1)]
    [DataRow("mat_na", "null", 1)]
    [DataRow("num", "\"12\"", 1)]
    [DataRow("num", "-1", 1)]
    [DataRow("num", "101", 1)]
    [DataRow("num", "4.5", 1)]
    [DataRow("num", "-0.5", 2)]
    [DataRow("dec", "1e40", 1)]
    [DataRow("dec", "null", 1)]
    [DataRow("one", "\"z\"", 1)]
    [DataRow("one", "[\"a\"]", 1)]
    [DataRow("many", "\"a\"", 1)]
    [DataRow("many", "[]", 1)]
    [DataRow("many", "[\"a\", \"b\", \"c\"]", 1)]
    [DataRow("many", "[\"a\", \"a\"]", 1)]
    [DataRow("many", "[\"a\", \"z\"]", 1)]
    [DataRow("many", "[\"a\", 1]", 1)]
    [DataRow("grid", "[]", 1)]
    [DataRow("grid", "{\"ir\": {\"continued\": 1}}", 1)]
    [DataRow("grid", "{\"cn\": {\"paused\": 1}}", 1)]
    [DataRow("grid", "{\"cn\": {\"continued\": -1}}", 1)]
    [DataRow("grid", "{\"cn\": {\"continued\": 1.5}}", 1)]
    [DataRow("grid", "{\"cn\": {\"continued\": \"1\"}}", 1)]
    [DataRow("grid", "{\"cn\": 3}", 1)]
    [DataRow("grid", "{\"cn\": {\"continued\": 1, \"continued\": 2}}", 1)]
    [DataRow("grid", "{\"ir\": {}, \"cn\": {\"paused\": -1, \"declined\": -2}}", 3)]
    [DataRow("txt", "\"abcdef\"", 1)]
    [DataRow("txt", "\"   \"", 1)]
    [DataRow("txt", "12", 1)]
    [DataRow("txt", "null", 1)]
    public void An_invalid_answer_reports_every_error_with_the_question_key(string questionKey, string json, int expectedErrors)
    {
        var errors = Validate(questionKey, json);

        Assert.HasCount(expectedErrors, errors, string.Join(Environment.NewLine, errors));
        Assert.IsTrue(errors.All(e => e.QuestionKey == questionKey));
    }

    [TestMethod]
    public void A_text_longer_than_the_default_4000_characters_is_invalid()
    {
        Assert.IsEmpty(Validate("txt_default", JsonSerializer.Serialize(new string('x', 4000))));
        Assert.HasCount(1, Validate("txt_default", JsonSerializer.Serialize(new string('x', 4001))));
    }

    [TestMethod]
    public void A_null_answer_says_that_clearing_is_a_delete()
    {
        var errors = Validate("one", "null");

        Assert.Contains("delete", errors.Single().Message);
    }
}
