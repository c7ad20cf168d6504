using System.Text.Json;
using Audit.Core.Answers;
using Audit.Core.Questionnaires;

namespace Audit.Core.Tests.Answers;

[TestClass]
public sealed class NormCheckTests
{
    private static readonly Questionnaire Definition = AnswerValidatorTests.Load(
        "{key: yn, type: yes_no, text: YN, norm: \"yes\", allowNotApplicable: true}",
        "{key: mat, type: maturity, text: M, norm: 3, allowNotApplicable: true}",
        "{key: num, type: number, text: N, norm: {atLeast: 2.5}}",
        "{key: one, type: single_choice, text: S, options: [{key: a, label: A}, {key: b, label: B}, {key: c, label: C}], norm: [b, c]}",
        "{key: many, type: multi_choice, text: M, options: [{key: a, label: A}, {key: b, label: B}, {key: c, label: C}], norm: [a, b]}",
        "{key: none, type: yes_no, text: No norm}",
        "{key: grid, type: grid, text: G, rows: [{key: r, label: R}], columns: [{key: c, label: C}]}");

    [TestMethod]
    [DataRow("yn", "\"yes\"", true)]
    [DataRow("yn", "\"no\"", false)]
    [DataRow("yn", "\"not_applicable\"", null)]
    [DataRow("mat", "3", true)]
    [DataRow("mat", "5", true)]
    [DataRow("mat", "2", false)]
    [DataRow("mat", "\"not_applicable\"", null)]
    [DataRow("mat", "9", null)]
    [DataRow("num", "2.5", true)]
    [DataRow("num", "2.49", false)]
    [DataRow("one", "\"c\"", true)]
    [DataRow("one", "\"a\"", false)]
    [DataRow("many", "[\"b\", \"c\", \"a\"]", true)]
    [DataRow("many", "[\"a\", \"c\"]", false)]
    [DataRow("many", "[]", false)]
    [DataRow("none", "\"yes\"", null)]
    [DataRow("grid", "{}", null)]
    public void MeetsNorm_judges_an_answer_against_its_question(string questionKey, string json, bool? expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.AreEqual(expected, NormCheck.MeetsNorm(Definition.FindQuestion(questionKey)!, document.RootElement));
    }
}
